import type { RealtimeClient } from './realtime-client';

type NetworkAwareClient = Pick<RealtimeClient<never>, 'connect' | 'dropConnection' | 'getState'>;

/**
 * Ties a realtime client to the browser's `offline` and `online` events, while `isCurrent()` says it is still the
 * feature's client (a closed one is replaced, not removed from the listeners).
 * - Offline: the old socket can take a minute to notice, and frames sent meanwhile are lost; drop it now (the server
 *   keeps working into its buffer) so the client shows "reconnecting".
 * - Back online: reconnect now rather than at the end of the backoff (a reply or run may be waiting). A client
 *   that is idle (never used, or closed) or already connected is left alone.
 */
export function followNetworkStatus(client: NetworkAwareClient, isCurrent: () => boolean): void {
  globalThis.addEventListener?.('offline', () => {
    if (isCurrent()) client.dropConnection();
  });
  globalThis.addEventListener?.('online', () => {
    if (isCurrent() && client.getState() !== 'idle' && client.getState() !== 'connected') client.connect();
  });
}
