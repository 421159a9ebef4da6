/**
 * A small in-process cache with a time-to-live and a size bound (the least recently used entry goes first), for
 * hot read paths (model resolution, preferences, robots.txt, scraped pages) that their own domain invalidates on
 * every write. The TTL bounds how stale another instance's copy can be in scale-out mode, where local
 * invalidation does not reach. Time is `options.now`, or given per call (`at`) by callers whose clock is a context's.
 */
export function createTtlCache<Value>(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: Value; expiresAt: number }>();
  // Bumped by clear(): a load that started before an invalidation must not store its (maybe stale) result.
  let generation = 0;

  // Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  function get(key: string, at: number = now()): Value | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    // A clock that went back past the store time counts as expired too.
    if (entry.expiresAt <= at || entry.expiresAt - options.ttlMs > at) return undefined;
    entries.set(key, entry);
    return entry.value;
  }

  function set(key: string, value: Value, at: number = now()): void {
    entries.delete(key);
    entries.set(key, { value, expiresAt: at + options.ttlMs });
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    get,
    set,
    /** The cached value, or `load()`'s result stored for next time (failures are not cached). */
    async getOrLoad(key: string, load: () => Promise<Value>): Promise<Value> {
      const cached = get(key);
      if (cached !== undefined) return cached;
      const startedAt = generation;
      const value = await load();
      if (startedAt === generation) set(key, value);
      return value;
    },
    /** Drops everything (call after any write that may change a cached value). */
    clear(): void {
      generation += 1;
      entries.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}
export type TtlCache<Value> = ReturnType<typeof createTtlCache<Value>>;
