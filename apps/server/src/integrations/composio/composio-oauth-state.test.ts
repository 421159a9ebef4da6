import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryCounterStore } from '../../platform/counters/memory-counter-store.js';
import { createComposioOAuthStates } from './composio-oauth-state.js';

const state = { userId: 'user-1', integration: 'composio_gmail', returnOrigin: 'https://app.example.org' } as const;

function states(options: { masterKey?: Buffer; at?: { time: number } } = {}) {
  const at = options.at ?? { time: Date.parse('2025-06-01T10:00:00Z') };
  return createComposioOAuthStates({ masterKey: options.masterKey ?? Buffer.alloc(32, 7), counters: createMemoryCounterStore(), now: () => new Date(at.time), ttlSeconds: 600 });
}

describe('Composio OAuth state', () => {
  it('round-trips the user, integration and return origin once', async () => {
    const store = states();
    const token = store.issue(state);
    await expect(store.consume(token)).resolves.toEqual(state);
    await expect(store.consume(token)).rejects.toThrow(/already used/);
  });

  it('refuses a token past its time to live', async () => {
    const at = { time: Date.parse('2025-06-01T10:00:00Z') };
    const store = states({ at });
    const token = store.issue(state);
    at.time += 601_000;
    await expect(store.consume(token)).rejects.toThrow(/not valid/);
  });

  it('refuses a token signed with another master key', async () => {
    const token = states({ masterKey: randomBytes(32) }).issue(state);
    await expect(states().consume(token)).rejects.toThrow(/not valid/);
  });
});
