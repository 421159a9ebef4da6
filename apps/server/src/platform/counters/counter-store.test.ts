import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CounterStore } from './counter-store.js';
import { createMemoryCounterStore } from './memory-counter-store.js';
import { createRedisCounterStore } from './redis-counter-store.js';

function behavesLikeACounterStore(name: string, create: (now: () => number) => CounterStore, usesFakeTime: boolean) {
  describe(name, () => {
    let time = 1_000_000;
    const store = create(() => time);
    afterAll(() => store.close());

    it('counts hits within a window and reports the time left', async () => {
      const key = randomUUID();
      expect((await store.increment(key, 60)).count).toBe(1);
      const second = await store.increment(key, 60);
      expect(second.count).toBe(2);
      expect(second.resetInSeconds).toBeGreaterThan(0);
      expect(second.resetInSeconds).toBeLessThanOrEqual(60);
      expect((await store.get(key)).count).toBe(2);
    });

    it('keeps keys apart and forgets a key on reset', async () => {
      const first = randomUUID();
      const other = randomUUID();
      await store.increment(first, 60);
      expect((await store.get(other)).count).toBe(0);
      await store.reset(first);
      expect((await store.get(first)).count).toBe(0);
    });

    it('starts a new window once the old one has expired', async () => {
      const key = randomUUID();
      await store.increment(key, 1);
      await store.increment(key, 1);
      // The memory store reads an injected clock; Redis expires keys on its own clock.
      if (usesFakeTime) time += 1_001;
      else await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await store.get(key)).count).toBe(0);
      expect((await store.increment(key, 1)).count).toBe(1);
    });
  });
}

behavesLikeACounterStore('memory counter store', (now) => createMemoryCounterStore(now), true);
behavesLikeACounterStore('redis counter store', () => createRedisCounterStore('redis://127.0.0.1:6379', `test:${randomUUID()}:`), false);
