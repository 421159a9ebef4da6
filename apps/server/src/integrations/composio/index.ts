import type { CounterStore } from '../../platform/counters/counter-store.js';
import type { RouteSpec } from '../../platform/http/define-route.js';
import type { ComposioActions, OutboundHttp } from '../../tools/tool-ports.js';
import { createComposioActions } from './composio-actions.js';
import { createComposioClient, type ComposioSettings } from './composio-api.js';
import { createComposioOAuthStates } from './composio-oauth-state.js';
import { composioRoutes } from './composio.routes.js';
import { createComposioService, type ComposioCredentialSink, type ComposioServiceDeps } from './composio.service.js';

export interface ComposioModuleDeps {
  /** `config.integrations.composio`: null without `COMPOSIO_API_KEY` (the routes then say so, tools get no port). */
  settings: ComposioSettings | null;
  /** The SSRF-guarded client. */
  http: OutboundHttp;
  /** Derives the OAuth state's signing key. */
  masterKey: Buffer;
  /** Marks states used, across instances when Redis backs it. */
  counters: CounterStore;
  now: () => Date;
  /** `ALLOWED_ORIGINS`: where the browser may be sent back after connecting. */
  allowedOrigins: readonly string[];
  /** Auth config ids by toolkit (`{ gmail: 'ac_…' }`); a toolkit without one uses the project's enabled auth config. */
  authConfigIds?: ComposioServiceDeps['authConfigIds'];
  credentials: ComposioCredentialSink;
}

/**
 * Composio for this instance: the `ComposioActions` port for tool contexts (only when configured) and the
 * connection routes (reference §1.6).
 */
export function createComposioModule(deps: ComposioModuleDeps): { actions: ComposioActions | undefined; routes: RouteSpec[] } {
  const client = deps.settings ? createComposioClient(deps.settings, deps.http) : null;
  const composioService = createComposioService({
    client,
    states: createComposioOAuthStates({ masterKey: deps.masterKey, counters: deps.counters, now: deps.now }),
    allowedOrigins: deps.allowedOrigins,
    ...(deps.authConfigIds ? { authConfigIds: deps.authConfigIds } : {}),
    credentials: deps.credentials,
  });
  return { actions: client ? createComposioActions(client) : undefined, routes: composioRoutes({ composioService }) };
}
