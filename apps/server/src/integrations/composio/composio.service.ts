import type { ComposioConnectedAccountResponse, ComposioIntegrationId, Credential } from '@claraverse/shared';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors/app-error.js';
import { composioToolkits, type ComposioClient, type ComposioToolkit } from './composio-api.js';
import type { ComposioOAuthStates } from './composio-oauth-state.js';
import { composioEntityIdFor } from './composio-tool.js';

/** What creating the credential needs of the credentials domain (its service's `create`). */
export interface ComposioCredentialSink {
  saveCredential(userId: string, input: { name: string; integrationType: ComposioIntegrationId; data: Record<string, string> }): Promise<Credential>;
}

export interface ComposioServiceDeps {
  /** Null when the instance has no `COMPOSIO_API_KEY`. */
  client: ComposioClient | null;
  states: ComposioOAuthStates;
  /** Origins the browser may be sent back to (`ALLOWED_ORIGINS`); the server's own origin always is. */
  allowedOrigins: readonly string[];
  /** Auth config ids by toolkit; a toolkit without one uses the project's enabled auth config. */
  authConfigIds?: Partial<Record<ComposioToolkit, string>>;
  credentials: ComposioCredentialSink;
}

/** Where a request came from and reached: the server's own origin and the browser's `Origin` header. */
export interface RequestOrigins {
  /** `https://clara.example.org`, as the request reached the server (proxy headers honoured when trusted). */
  serverOrigin: string;
  /** The `Origin` header, when the browser sent one (the web app on another origin). */
  browserOrigin?: string | undefined;
}

const serviceNames: Record<ComposioIntegrationId, string> = { composio_gmail: 'Gmail', composio_googlesheets: 'Google Sheets' };

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Connecting Gmail and Google Sheets through Composio (reference §1.6): starts Composio's hosted OAuth for the
 * user's own entity with a signed single-use state, turns the callback into a redirect to the settings page of an
 * allowed origin only, reports the connection, and stores the credential once the connection is active.
 */
export function createComposioService(deps: ComposioServiceDeps) {
  const allowed = new Set(deps.allowedOrigins.map(originOf).filter((origin): origin is string => origin !== null));

  function requireClient(): ComposioClient {
    if (!deps.client) throw new AppError('service_unavailable', 'Composio is not configured on this instance; an administrator sets COMPOSIO_API_KEY.');
    return deps.client;
  }

  function isAllowedOrigin(origin: string, serverOrigin: string): boolean {
    return origin === originOf(serverOrigin) || allowed.has(origin);
  }

  async function authConfigIdOf(client: ComposioClient, integration: ComposioIntegrationId, signal: AbortSignal): Promise<string> {
    const toolkit = composioToolkits[integration];
    const configured = deps.authConfigIds?.[toolkit];
    if (configured) return configured;
    const found = await client.findAuthConfigId({ toolkit, signal });
    if (!found) {
      throw new ValidationError(`The Composio project has no enabled ${serviceNames[integration]} auth config; an administrator creates one in Composio's dashboard (Auth Configs → ${serviceNames[integration]}).`);
    }
    return found;
  }

  return {
    /** Starts the connection: Composio's hosted page for this user, returning to our callback with a fresh state. */
    async authorize(userId: string, integration: ComposioIntegrationId, origins: RequestOrigins, signal: AbortSignal): Promise<{ redirectUrl: string }> {
      const client = requireClient();
      const serverOrigin = originOf(origins.serverOrigin);
      if (!serverOrigin) throw new ValidationError('The server cannot tell its own address for the callback.');
      const browserOrigin = origins.browserOrigin ? originOf(origins.browserOrigin) : null;
      const returnOrigin = browserOrigin && isAllowedOrigin(browserOrigin, serverOrigin) ? browserOrigin : serverOrigin;
      const authConfigId = await authConfigIdOf(client, integration, signal);
      const state = deps.states.issue({ userId, integration, returnOrigin });
      const callbackUrl = `${serverOrigin}/api/integrations/composio/callback?state=${encodeURIComponent(state)}`;
      const link = await client.createConnectionLink({ authConfigId, userId: composioEntityIdFor(userId), callbackUrl, signal });
      return { redirectUrl: link.redirectUrl };
    },

    /**
     * The browser's return from Composio: the state must be ours, unexpired and unused, and its origin still
     * allowed; answers the settings URL to redirect to (`connected=<integration>` or `error=<integration>`).
     * @throws ValidationError for a bad state, ForbiddenError for an origin that is not allowed
     */
    async callback(query: { state: string; status?: string | undefined; connectionStatus?: string | undefined }, serverOrigin: string): Promise<string> {
      const state = await deps.states.consume(query.state);
      if (!isAllowedOrigin(state.returnOrigin, serverOrigin)) throw new ForbiddenError('Refusing to send the browser to an origin this server does not allow.');
      const target = new URL('/settings', state.returnOrigin);
      target.searchParams.set('tab', 'credentials');
      const status = query.status ?? query.connectionStatus;
      const failed = status !== undefined && !['success', 'active'].includes(status.toLowerCase());
      target.searchParams.set(failed ? 'error' : 'connected', state.integration);
      return target.toString();
    },

    /** Whether the user's entity has a connection of the service, and its newest status. */
    async connectedAccount(userId: string, integration: ComposioIntegrationId, signal: AbortSignal): Promise<ComposioConnectedAccountResponse> {
      const accounts = await requireClient().listConnectedAccounts({ userId: composioEntityIdFor(userId), toolkit: composioToolkits[integration], signal });
      const active = accounts.find((account) => account.status === 'ACTIVE');
      const shown = active ?? accounts[0];
      return { integration, connected: active !== undefined, status: shown?.status ?? null, connectedAccountId: shown?.id ?? null };
    },

    /** Stores the credential (the user's entity) once Composio reports an active connection. */
    async completeSetup(userId: string, body: { integration: ComposioIntegrationId; name?: string | undefined }, signal: AbortSignal): Promise<{ credential: Credential }> {
      const status = await this.connectedAccount(userId, body.integration, signal);
      const service = serviceNames[body.integration];
      if (!status.connected) {
        throw new ValidationError(`${service} is not connected yet${status.status ? ` (Composio reports ${status.status})` : ''}: finish signing in with Google on Composio's page, then try again.`);
      }
      const credential = await deps.credentials.saveCredential(userId, {
        name: body.name ?? service, integrationType: body.integration, data: { composio_entity_id: composioEntityIdFor(userId) },
      });
      return { credential };
    },
  };
}
export type ComposioService = ReturnType<typeof createComposioService>;
