import { useSessionStore } from '../stores/session-store';
import type { ApiClient } from './api-client';

/** Refresh this long before the access token expires, in milliseconds. */
const refreshLeadMilliseconds = 60_000;
/** Never schedule sooner than this, in milliseconds, so that a clock skew cannot cause a refresh loop. */
const minimumDelayMilliseconds = 5_000;

/** Milliseconds to wait before refreshing a token that expires at `expiresAt` (epoch ms). */
export function refreshDelay(expiresAt: number, now: number = Date.now()): number {
  const remaining = expiresAt - now;
  // Short-lived tokens refresh at three quarters of their life rather than a fixed minute before.
  const lead = Math.min(refreshLeadMilliseconds, remaining / 4);
  return Math.max(minimumDelayMilliseconds, remaining - lead);
}

/**
 * Refreshes the access token shortly before it expires, for as long as a session exists, so that requests rarely
 * meet a 401. Returns a function that stops the scheduler.
 */
export function startProactiveRefresh(client: ApiClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (expiresAt: number | null) => {
    clearTimeout(timer);
    timer = undefined;
    if (expiresAt === null) return;
    timer = setTimeout(() => {
      // A failure leaves the token as it is; the next request's 401 retries the refresh.
      client.refreshSession().catch(() => undefined);
    }, refreshDelay(expiresAt));
  };

  schedule(useSessionStore.getState().accessTokenExpiresAt);
  const unsubscribe = useSessionStore.subscribe((state, previous) => {
    if (state.accessTokenExpiresAt !== previous.accessTokenExpiresAt) schedule(state.accessTokenExpiresAt);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
