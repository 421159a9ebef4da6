import type { RecordedRequest } from '../test/llm-doubles/double-server.js';
import { startDoubleServer, type DoubleServer } from '../test/llm-doubles/double-server.js';

/** One answer of a scripted double: a status with a JSON or text body. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

/** An answer, or a function of the request that picks one (a double that routes by path). */
export type ScriptedReply = ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer);

export interface ScriptedDouble extends DoubleServer {
  /** Queues answers for the next requests, in order. */
  answer(...replies: ScriptedReply[]): void;
  /** Forgets queued answers and recorded requests (between tests). */
  reset(): void;
}

/** An HTML page where JSON was expected (a captive portal, a misrouted base URL). */
export const htmlAnswer: ScriptedAnswer = { status: 200, headers: { 'content-type': 'text/html' }, text: '<!doctype html><html><body>Sign in</body></html>' };

/**
 * A double for integration tests whose answers each test queues: the test states what the service answers and
 * then asserts what the tool sent (`requests`). A request with nothing queued gets a 500 naming it, so a tool
 * that sends more than expected fails loudly.
 */
export async function startScriptedDouble(): Promise<ScriptedDouble> {
  const queue: ScriptedReply[] = [];
  const server = await startDoubleServer(async ({ response, recorded }) => {
    const reply = queue.shift();
    if (!reply) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      return void response.end(`no answer scripted for ${recorded.method} ${recorded.path}`);
    }
    const answer = typeof reply === 'function' ? reply(recorded) : reply;
    const isJson = answer.json !== undefined;
    response.writeHead(answer.status ?? 200, { ...(isJson ? { 'content-type': 'application/json' } : {}), ...answer.headers });
    response.end(isJson ? JSON.stringify(answer.json) : (answer.text ?? ''));
  });
  return Object.assign(server, {
    answer: (...replies: ScriptedReply[]) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      server.requests.length = 0;
    },
  });
}
