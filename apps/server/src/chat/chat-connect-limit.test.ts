import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../test/chat-harness.js';

let harness: ChatHarness;
beforeAll(async () => {
  harness = await startChatHarness({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WS_CONNECT_PER_MINUTE: '3', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_MINUTE: '1000' });
});
afterAll(() => harness.close());

/** Opens a socket and reports whether the upgrade succeeded or the HTTP status that refused it. */
function tryConnect(url: string): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode });
      socket.terminate();
    });
    socket.once('error', () => undefined);
  });
}

describe('WS connect rate limit', () => {
  it('refuses upgrades over the per-IP limit with 429 before opening a socket', async () => {
    const url = `${harness.baseUrl.replace(/^http/, 'ws')}/ws/chat`;
    const results = [];
    for (let attempt = 0; attempt < 5; attempt += 1) results.push(await tryConnect(url));
    expect(results.slice(0, 3).every((result) => result.opened)).toBe(true);
    expect(results.slice(3)).toEqual([{ opened: false, status: 429 }, { opened: false, status: 429 }]);
  });
});
