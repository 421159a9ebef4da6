import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events helpers shared by the provider doubles. The wire format is the WHATWG one the providers use:
 * optional `event: <name>` line, one `data: <json>` line, blank line.
 */

/** Sends the status line and SSE headers right away (so a `hang` scenario is visible to the client). */
export function startSse(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  response.flushHeaders();
}

/** Writes `data: <json>` (or the literal `[DONE]` when `data` is a string). Resolves false when the client is gone. */
export function writeSseData(response: ServerResponse, data: unknown): boolean {
  if (response.destroyed || response.writableEnded) return false;
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  response.write(`data: ${payload}\n\n`);
  return true;
}

/** Writes a named event (`event: <name>\ndata: <json>\n\n`), as Anthropic's Messages API does. */
export function writeSseEvent(response: ServerResponse, event: string, data: unknown): boolean {
  if (response.destroyed || response.writableEnded) return false;
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  return true;
}

/** Resolves after `milliseconds` (immediately for 0, without a timer, so fast tests stay fast). */
export function sleep(milliseconds: number): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Splits text into word-sized tokens that keep their trailing whitespace, so joining them restores the text. */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}

/** Groups tokens into chunks of `chunkSize` tokens (the unit each SSE event carries). */
export function groupTokens(tokens: string[], chunkSize = 1): string[] {
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks: string[] = [];
  for (let index = 0; index < tokens.length; index += size) chunks.push(tokens.slice(index, index + size).join(''));
  return chunks;
}

/** `count` generated words (`word1 word2 …`), for replies whose content does not matter. */
export function generateWords(count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? `word${index + 1}` : ` word${index + 1}`));
}

/** Splits a string into `parts` roughly equal pieces (tool-call arguments arrive in several deltas). */
export function splitIntoPieces(text: string, parts: number): string[] {
  if (text.length === 0) return [''];
  const size = Math.max(1, Math.ceil(text.length / parts));
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
}

/** Writes a JSON body with a status code (and optional extra headers). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
