import { fetchProviderModels } from './commands/fetch-provider-models.js';
import type { ProvidersDeps } from './providers.service.js';

export interface ModelRefreshOptions {
  /** Time between refreshes (daily in production). */
  intervalMs: number;
  /** Delay of the first pass after start, which only refreshes providers not fetched within `intervalMs`. Default 60 s. */
  initialDelayMs?: number;
}

/**
 * Re-fetches the model lists of enabled instance providers on a plain timer (unref'd, so it never keeps the
 * process alive). One failing provider is logged (id and message, never the key) and does not stop the others.
 */
export function createModelRefresher(deps: ProvidersDeps) {
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<void> | null = null;

  async function refreshAll(onlyStale: boolean, intervalMs: number): Promise<void> {
    const providers = await deps.providersRepository.listEnabledInstance();
    const staleBefore = deps.now().getTime() - intervalMs;
    for (const provider of providers) {
      if (onlyStale && provider.last_fetched_at !== null && Date.parse(provider.last_fetched_at) > staleBefore) continue;
      try {
        const models = await fetchProviderModels(deps, provider);
        deps.logger.info({ providerId: provider.id, models: models.length }, 'provider models refreshed');
      } catch (error) {
        deps.logger.warn({ providerId: provider.id, error: error instanceof Error ? error.message : String(error) }, 'provider model refresh failed');
      }
    }
  }

  function run(onlyStale: boolean, intervalMs: number): void {
    if (running) return;
    running = refreshAll(onlyStale, intervalMs)
      .catch((error: unknown) => deps.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'model refresh failed'))
      .finally(() => {
        running = null;
      });
  }

  return {
    /** Runs one pass now (every enabled instance provider); resolves when it is done. */
    async refreshNow(): Promise<void> {
      await running;
      await refreshAll(false, 0);
    },
    start(options: ModelRefreshOptions): void {
      if (timers.length > 0) return;
      const initial = setTimeout(() => run(true, options.intervalMs), options.initialDelayMs ?? 60_000);
      const interval = setInterval(() => run(false, options.intervalMs), options.intervalMs);
      initial.unref();
      interval.unref();
      timers.push(initial, interval);
    },
    /** Stops the timers and waits for a pass in progress. */
    async stop(): Promise<void> {
      for (const timer of timers.splice(0)) clearTimeout(timer);
      await running;
    },
  };
}
