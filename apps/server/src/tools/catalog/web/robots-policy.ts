import robotsParserModule from 'robots-parser';
import type { ToolContext } from '../../define-tool.js';
import { createTtlCache } from '../../../platform/cache/ttl-cache.js';

/** The user agent the scraper sends and looks for in robots.txt. */
export const scraperUserAgent = 'ClaraVerse-Bot/1.0';

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export, which
// NodeNext reads as `module.exports.default`; at run time the default import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What a site's robots.txt says to this crawler. */
export interface RobotsPolicy {
  /** Null when the page may be fetched, else a sentence saying why not. */
  refusal(url: URL): string | null;
  /** Seconds between requests the site asks for, when it does. */
  crawlDelaySeconds: number | undefined;
}

const robotsMaxBytes = 512 * 1024;
const robotsTimeoutMs = 10_000;

const allowAll: RobotsPolicy = { refusal: () => null, crawlDelaySeconds: undefined };

function disallowAll(site: string, status: number): RobotsPolicy {
  // RFC 9309 §2.3.1.4: a robots.txt that fails with a server error means "stay away" until it recovers.
  return {
    refusal: () => `${site}'s robots.txt could not be read (HTTP ${status}), so crawlers must stay away for now. Try again later.`,
    crawlDelaySeconds: undefined,
  };
}

async function fetchPolicy(origin: URL, context: ToolContext): Promise<RobotsPolicy> {
  const robotsUrl = `${origin.origin}/robots.txt`;
  const response = await context.http.request(robotsUrl, {
    signal: context.signal,
    timeoutMs: robotsTimeoutMs,
    maxBytes: robotsMaxBytes,
    headers: { 'user-agent': scraperUserAgent, accept: 'text/plain' },
  });
  if (response.status >= 500) return disallowAll(origin.host, response.status);
  // 4xx (usually 404): the site has no rules, everything is allowed (RFC 9309 §2.3.1.3).
  if (response.status >= 400 || response.status < 200) return allowAll;
  const robots = robotsParser(robotsUrl, response.text());
  const delay = robots.getCrawlDelay(scraperUserAgent);
  return {
    refusal(url) {
      // The parser answers for URLs of the robots.txt's own origin; the page URL is always rewritten to it.
      const sameOrigin = new URL(`${url.pathname}${url.search}`, origin.origin).href;
      return robots.isDisallowed(sameOrigin, scraperUserAgent)
        ? `${origin.host}'s robots.txt does not allow ${scraperUserAgent.split('/')[0]} to read ${url.pathname}. Respect the site's wishes and look for the information elsewhere.`
        : null;
    },
    crawlDelaySeconds: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay : undefined,
  };
}

/**
 * Reads and caches (1 h, per origin) robots.txt through the guarded client. Network failures propagate
 * as the client's AppError (the page itself would be unreachable too).
 */
export function createRobotsPolicies(options: { ttlMs: number; maxSites: number } = { ttlMs: 3_600_000, maxSites: 500 }) {
  const cache = createTtlCache<RobotsPolicy>({ maxEntries: options.maxSites, ttlMs: options.ttlMs });
  return {
    async forUrl(url: URL, context: ToolContext): Promise<RobotsPolicy> {
      const now = context.now().getTime();
      const cached = cache.get(url.origin, now);
      if (cached) return cached;
      const policy = await fetchPolicy(url, context);
      cache.set(url.origin, policy, now);
      return policy;
    },
  };
}
