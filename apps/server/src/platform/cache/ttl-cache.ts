/**
 * A small in-process cache with a time-to-live and a size bound, for hot read paths (model resolution,
 * preferences) that their own domain invalidates on every write. The TTL bounds how stale another
 * instance's copy can be in scale-out mode, where local invalidation does not reach.
 */
export function createTtlCache<Value>(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: Value; expiresAt: number }>();
  // Bumped by clear(): a load that started before an invalidation must not store its (maybe stale) result.
  let generation = 0;

  function get(key: string): Value | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  function set(key: string, value: Value): void {
    if (entries.size >= options.maxEntries && !entries.has(key)) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, { value, expiresAt: now() + options.ttlMs });
  }

  return {
    get,
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
