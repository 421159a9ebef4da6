import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the double received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown;
  /** The body as received (multipart uploads, binary). */
  rawBody: Buffer;
}

/** What a route handler gets for one request. */
export interface DoubleExchange {
  request: IncomingMessage;
  response: ServerResponse;
  recorded: RecordedRequest;
  /** Call before destroying the socket on purpose, so the double does not count it as a client abort. */
  markServerClosed(): void;
}

/** The server half every double shares: recording, client-abort tracking and shutdown. */
export interface DoubleServer {
  /** `http://127.0.0.1:PORT` (no path). */
  origin: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests whose client closed the connection before the response ended. */
  aborted: RecordedRequest[];
  /** Resolves once `count` requests were aborted by their client; rejects after `timeoutMs` (default 5 000). */
  waitForAborted(count?: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Destroys open connections (hanging responses included) and stops listening. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; rawBody: Buffer }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks);
  const text = rawBody.toString('utf8');
  if (text === '') return { body: undefined, rawBody };
  try {
    return { body: JSON.parse(text) as unknown, rawBody };
  } catch {
    return { body: undefined, rawBody };
  }
}

/**
 * Starts a node:http server on 127.0.0.1, port 0, that records each request and passes it to `handle`.
 * Unhandled handler errors answer 500 so a broken double fails loudly instead of hanging.
 */
export async function startDoubleServer(handle: (exchange: DoubleExchange) => Promise<void>): Promise<DoubleServer> {
  const requests: RecordedRequest[] = [];
  const aborted: RecordedRequest[] = [];
  const abortWaiters = new Set<() => void>();
  let isClosing = false;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        ...(await readBody(request)),
      };
      requests.push(recorded);
      let isServerClosed = false;
      response.on('close', () => {
        if (response.writableFinished || isServerClosed || isClosing) return;
        aborted.push(recorded);
        for (const notify of abortWaiters) notify();
      });
      try {
        await handle({ request, response, recorded, markServerClosed: () => (isServerClosed = true) });
      } catch (error) {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`double failed: ${String(error)}`);
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    aborted,
    waitForAborted(count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (aborted.length < count) return;
          clearTimeout(timer);
          abortWaiters.delete(check);
          resolve(aborted);
        };
        const timer = setTimeout(() => {
          abortWaiters.delete(check);
          reject(new Error(`expected ${count} aborted request(s), saw ${aborted.length}`));
        }, timeoutMs);
        abortWaiters.add(check);
        check();
      });
    },
    async close() {
      isClosing = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Closes the connection mid-response (for `cut`) once what was written so far has been flushed, without the
 * terminating chunk, so the client sees a truncated body. Not counted as a client abort.
 */
export function cutConnection(exchange: DoubleExchange): void {
  exchange.markServerClosed();
  const socket = exchange.response.socket;
  if (socket === null) return;
  // destroySoon() ends the socket after pending writes drain; destroy() alone could drop the last tokens.
  socket.destroySoon();
}
