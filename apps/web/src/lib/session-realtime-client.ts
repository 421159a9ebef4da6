import { env } from '../config/env';
import { useSessionStore } from '../stores/session-store';
import { apiClient } from './api-client';
import { createRealtimeClient, realtimeUrl, type RealtimeClient, type RealtimeClientOptions } from './realtime-client';

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

/**
 * A realtime client on `path` (`/ws/chat`, `/ws/workflow`) of the app's API, signed in with the session's access
 * token (renewed through the API client) and following the network status (see `followNetworkStatus`) while
 * `isCurrent()` is true.
 */
export function createSessionRealtimeClient<TServerMessage extends { type: string }, TClientMessage extends { type: string }>(
  path: string,
  options: Omit<RealtimeClientOptions<TServerMessage>, 'url' | 'getAccessToken' | 'refreshSession'>,
  isCurrent: () => boolean,
): RealtimeClient<TClientMessage> {
  const client = createRealtimeClient<TServerMessage, TClientMessage>({
    url: realtimeUrl(path, env.apiBaseUrl),
    getAccessToken: () => useSessionStore.getState().accessToken,
    refreshSession: () => apiClient.refreshSession(),
    ...options,
  });
  followNetworkStatus(client, isCurrent);
  return client;
}
