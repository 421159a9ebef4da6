/**
 * A small in-memory cache: entries expire `ttlMs` after they were stored and the least recently used entry
 * goes first when `maxEntries` is reached. Time comes from the caller, so tests control it.
 */
export function createTtlCache<Value>(options: { maxEntries: number; ttlMs: number }) {
  // Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  const entries = new Map<string, { value: Value; storedAt: number }>();
  return {
    get(key: string, now: number): Value | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (now - entry.storedAt >= options.ttlMs || now < entry.storedAt) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: Value, now: number): void {
      entries.delete(key);
      entries.set(key, { value, storedAt: now });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size(): number {
      return entries.size;
    },
  };
}
