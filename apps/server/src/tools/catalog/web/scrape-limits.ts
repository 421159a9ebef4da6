import { AppError, RateLimitedError } from '../../../platform/errors/app-error.js';

export interface ScrapeLimitOptions {
  /** Page fetches per second for one user. Default 5. */
  perUserPerSecond: number;
  /** Page fetches per second for the whole server. Default 10. */
  globalPerSecond: number;
  /** Fetches running at once for the whole server. Default 10. */
  maxConcurrent: number;
  /** Smallest gap between two fetches from one site when its robots.txt sets no Crawl-delay, ms. Default 250. */
  minHostIntervalMs: number;
}

export const defaultScrapeLimits: ScrapeLimitOptions = { perUserPerSecond: 5, globalPerSecond: 10, maxConcurrent: 10, minHostIntervalMs: 250 };

/** Timestamps (ms) of the last second, per key; the clock is the caller's. */
function createSlidingWindow(limitPerSecond: number) {
  const windows = new Map<string, number[]>();
  return {
    /** Records a hit, or returns the milliseconds to wait when the key is over its limit. */
    hit(key: string, now: number): number {
      const recent = (windows.get(key) ?? []).filter((time) => now - time < 1000 && time <= now);
      if (recent.length >= limitPerSecond) {
        windows.set(key, recent);
        return 1000 - (now - recent[0]!);
      }
      recent.push(now);
      windows.set(key, recent);
      return 0;
    },
  };
}

function seconds(milliseconds: number): string {
  const value = Math.max(1, Math.ceil(milliseconds / 1000));
  return `${value} second${value === 1 ? '' : 's'}`;
}

/**
 * The scraper's manners: per-user and server-wide rates, a per-site gap (the site's robots.txt Crawl-delay, or
 * a small default), and a cap on fetches in flight. Over a rate or inside a site's gap, `admit` refuses with
 * `rate_limited` saying how long to wait, so the model can come back; over the concurrency cap it waits.
 */
export function createScrapeLimits(options: ScrapeLimitOptions = defaultScrapeLimits) {
  const perUser = createSlidingWindow(options.perUserPerSecond);
  const global = createSlidingWindow(options.globalPerSecond);
  const lastFetchBySite = new Map<string, number>();
  let running = 0;
  const waiting: Array<() => void> = [];

  function release(): void {
    running -= 1;
    waiting.shift()?.();
  }

  async function takeSlot(signal: AbortSignal): Promise<void> {
    if (running < options.maxConcurrent) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(signal.reason instanceof Error ? signal.reason : new AppError('rate_limited', 'Cancelled while waiting for a free slot.'));
      };
      const start = () => {
        signal.removeEventListener('abort', onAbort);
        running += 1;
        resolve();
      };
      waiting.push(start);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    /**
     * Checks the rates and the site's gap, then waits for a free slot. Returns the function that frees it.
     * @throws RateLimitedError
     */
    async admit(request: { userId: string; site: string; crawlDelaySeconds: number | undefined; now: number; signal: AbortSignal }): Promise<() => void> {
      const { userId, site, now } = request;
      const gapMs = request.crawlDelaySeconds !== undefined ? request.crawlDelaySeconds * 1000 : options.minHostIntervalMs;
      const last = lastFetchBySite.get(site);
      if (last !== undefined && now >= last && now - last < gapMs) {
        const wait = gapMs - (now - last);
        const reason = request.crawlDelaySeconds !== undefined
          ? `${site} asks crawlers to wait ${seconds(gapMs)} between requests (Crawl-delay in its robots.txt)`
          : `${site} was read a moment ago`;
        throw new RateLimitedError(`${reason}; try again in ${seconds(wait)}.`, Math.ceil(wait / 1000));
      }
      const userWait = perUser.hit(userId, now);
      if (userWait > 0) throw new RateLimitedError(`You are reading pages too fast (${options.perUserPerSecond} per second at most); try again in ${seconds(userWait)}.`, Math.ceil(userWait / 1000));
      const globalWait = global.hit('*', now);
      if (globalWait > 0) throw new RateLimitedError(`The server is reading too many pages right now; try again in ${seconds(globalWait)}.`, Math.ceil(globalWait / 1000));
      lastFetchBySite.set(site, now);
      await takeSlot(request.signal);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        release();
      };
    },
  };
}
