import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('the TTL cache', () => {
  it('serves a loaded value until it expires, then loads again', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createTtlCache<string>({ ttlMs: 100, maxEntries: 10, now: () => clock });
    const load = async () => `value-${++loads}`;
    expect(await cache.getOrLoad('a', load)).toBe('value-1');
    clock = 99;
    expect(await cache.getOrLoad('a', load)).toBe('value-1');
    clock = 100;
    expect(await cache.getOrLoad('a', load)).toBe('value-2');
  });

  it('does not cache failures, and forgets everything on clear', async () => {
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(cache.size).toBe(0);
    await cache.getOrLoad('a', async () => 1);
    cache.clear();
    expect(await cache.getOrLoad('a', async () => 2)).toBe(2);
  });

  it('does not store a value whose load started before a clear (it may predate the write)', async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    let release: (value: string) => void = () => undefined;
    const pending = cache.getOrLoad('a', () => new Promise((resolve) => { release = resolve; }));
    cache.clear();
    release('stale');
    expect(await pending).toBe('stale');
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the oldest entry beyond its size bound', async () => {
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 2 });
    for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) await cache.getOrLoad(key, async () => value);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('drops the least recently used entry when full, with time given per call', () => {
    const cache = createTtlCache<number>({ maxEntries: 2, ttlMs: 10_000 });
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.get('a', 1); // a is now the most recently used
    cache.set('c', 3, 2);
    expect([cache.get('a', 3), cache.get('b', 3), cache.get('c', 3)]).toEqual([1, undefined, 3]);
  });

  it('forgets an entry once its time is up, or when the clock went back before it was stored', () => {
    const cache = createTtlCache<string>({ maxEntries: 10, ttlMs: 1000 });
    cache.set('a', 'A', 500);
    expect(cache.get('a', 1499)).toBe('A');
    expect(cache.get('a', 1500)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('b', 'B', 500);
    expect(cache.get('b', 499)).toBeUndefined();
  });
});
