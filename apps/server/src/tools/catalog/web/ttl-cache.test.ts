import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  it('forgets an entry once its time is up', () => {
    const cache = createTtlCache<string>({ maxEntries: 10, ttlMs: 1000 });
    cache.set('a', 'A', 0);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry when full', () => {
    const cache = createTtlCache<number>({ maxEntries: 2, ttlMs: 10_000 });
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.get('a', 1); // a is now the most recently used
    cache.set('c', 3, 2);
    expect([cache.get('a', 3), cache.get('b', 3), cache.get('c', 3)]).toEqual([1, undefined, 3]);
  });
});
