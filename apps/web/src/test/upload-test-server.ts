import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test upload server received it. */
export interface ReceivedUpload {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

export type UploadResponder = (request: ReceivedUpload, response: ServerResponse) => void;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers with JSON. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The 201 body of `POST /api/upload` (the shared `uploadSchema`). */
export function uploadResponseBody(overrides: Record<string, unknown> = {}) {
  return {
    fileId: 'file-1', filename: 'notes.txt', mimeType: 'text/plain', kind: 'text', size: 200_000, sha256: 'ab'.repeat(32),
    conversationId: null, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-02T00:00:00.000Z', url: '/api/upload/file-1/content',
    ...overrides,
  };
}

/**
 * A real HTTP server on loopback standing in for the upload API in component tests (jsdom sends real requests
 * with XMLHttpRequest). It answers CORS preflights, since the test page is on another origin, records every
 * request and lets the test decide each answer.
 */
export async function startUploadTestServer() {
  const received: ReceivedUpload[] = [];
  let respond: UploadResponder = (_request, response) => sendJson(response, 500, { error: { code: 'internal', message: 'No answer set', requestId: 't' } });
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, accept, content-type');
    response.setHeader('Access-Control-Allow-Methods', 'POST, DELETE');
    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
    void readBody(request).then((body) => {
      const entry: ReceivedUpload = {
        method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'], body,
      };
      received.push(entry);
      respond(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    /** Sets how the next requests are answered. */
    answerWith(responder: UploadResponder) {
      respond = responder;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
