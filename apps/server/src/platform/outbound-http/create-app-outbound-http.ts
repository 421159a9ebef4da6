import type { Config } from '../../config/config.js';
import type { Logger } from '../logging/logger.js';
import { createOutboundHttp, type GuardedOutboundHttp } from './create-outbound-http.js';

/**
 * `host:port` of each configured SearXNG instance. The operator chose them in the environment, so they are
 * reachable even on a private address, but only on their own port: `localhost:8080` does not open
 * `localhost:5432`.
 */
export function searxngAllowlistEntries(searxngUrls: readonly string[], logger?: Logger): string[] {
  return searxngUrls.flatMap((text) => {
    try {
      const url = new URL(text);
      return [`${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`];
    } catch {
      logger?.warn({ url: text.slice(0, 200) }, 'SEARXNG_URLS has an entry that is not a URL; skipped');
      return [];
    }
  });
}

/**
 * The app's one outbound client: `OUTBOUND_ALLOWLIST` + the SearXNG instances + the admin setting (read
 * through `loadExtraAllowlist`, cached, dropped by `invalidateAllowlist()` when the admin changes it).
 * @throws Error naming the entry when `OUTBOUND_ALLOWLIST` holds a malformed one.
 */
export function createAppOutboundHttp(
  config: Pick<Config, 'outbound' | 'tools'>,
  deps: { loadExtraAllowlist: () => Promise<readonly string[]>; logger: Logger },
): GuardedOutboundHttp {
  return createOutboundHttp({
    allowlist: [...config.outbound.allowlist, ...searxngAllowlistEntries(config.tools.searxngUrls, deps.logger)],
    loadExtraAllowlist: deps.loadExtraAllowlist,
    timeoutMs: config.outbound.timeoutMs,
    maxBytes: config.outbound.maxBytes,
    logger: deps.logger,
  });
}
