import type { ComposioIntegrationId } from '@claraverse/shared';
import { AppError } from '../../platform/errors/app-error.js';
import type { OutboundHttp } from '../../tools/tool-ports.js';
import { callService, type ServiceContext } from '../call-service.js';

/**
 * Composio's REST API, version 3 (https://docs.composio.dev/reference/api-reference; Composio calls v3.1 current and
 * keeps v3 supported — these four endpoints have the same shape in both), with the instance's project key in
 * `x-api-key`:
 *   POST /api/v3/tools/execute/{tool_slug}      `{ user_id, arguments }` → `{ data, error, successful, log_id }`
 *   POST /api/v3/connected_accounts/link        `{ auth_config_id, user_id, callback_url }` → `{ redirect_url, … }`
 *   GET  /api/v3/connected_accounts             `?user_ids=&toolkit_slugs=` → `{ items: [{ id, status, … }] }`
 *   GET  /api/v3/auth_configs                   `?toolkit_slug=` → `{ items: [{ id, status, … }] }`
 * Every call goes through `callService` (the SSRF-guarded client, Retry-After honoured, readable failures).
 */

/** The instance's Composio settings (`config.integrations.composio`). */
export interface ComposioSettings {
  apiKey: string;
  /** Base URL without a trailing slash (`https://backend.composio.dev`). */
  apiUrl: string;
}

/** The Composio toolkits ClaraVerse connects, by integration id. */
export const composioToolkits = { composio_gmail: 'gmail', composio_googlesheets: 'googlesheets' } as const satisfies Record<ComposioIntegrationId, string>;
export type ComposioToolkit = (typeof composioToolkits)[ComposioIntegrationId];

/** One of a user's connections to a toolkit, as Composio reports it. */
export interface ComposioConnectedAccount {
  id: string;
  /** `INITIALIZING`, `INITIATED`, `ACTIVE`, `FAILED`, `EXPIRED`, `INACTIVE`… */
  status: string;
  toolkit: string | null;
  createdAt: string | null;
}

export interface ComposioConnectionLink {
  redirectUrl: string;
  connectedAccountId: string | null;
  expiresAt: string | null;
}

export interface ComposioClient {
  /** Runs a tool (`GMAIL_SEND_EMAIL`) for a Composio user; resolves with the tool's `data`. */
  executeTool(slug: string, request: { userId: string; arguments: Record<string, unknown>; signal: AbortSignal }): Promise<unknown>;
  /** Starts a hosted connection (Connect Link) for a user and an auth config; Composio returns to `callbackUrl`. */
  createConnectionLink(request: { authConfigId: string; userId: string; callbackUrl: string; signal: AbortSignal }): Promise<ComposioConnectionLink>;
  /** The user's connected accounts of a toolkit, newest first. */
  listConnectedAccounts(request: { userId: string; toolkit: ComposioToolkit; signal: AbortSignal }): Promise<ComposioConnectedAccount[]>;
  /** The id of the project's enabled auth config for a toolkit, or null when the project has none. */
  findAuthConfigId(request: { toolkit: ComposioToolkit; signal: AbortSignal }): Promise<string | null>;
}

const service = 'Composio';

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function itemsOf(data: unknown): JsonObject[] {
  return isRecord(data) && Array.isArray(data.items) ? data.items.filter(isRecord) : [];
}

/** The words Composio put in a failed execution (`error` is a string, or an object with a message). */
function executionError(data: JsonObject): string {
  const error = data.error;
  if (typeof error === 'string' && error.trim()) return error.trim().slice(0, 500);
  if (isRecord(error) && typeof error.message === 'string') return error.message.slice(0, 500);
  return 'the action failed without a message';
}

/**
 * A client of Composio's v3 API with the instance key. The base URL is the configured one (the real service, or a
 * test's double), so no base-URL redirect applies here.
 */
export function createComposioClient(settings: ComposioSettings, http: OutboundHttp): ComposioClient {
  const headers = { 'x-api-key': settings.apiKey };
  const contextOf = (signal: AbortSignal): ServiceContext => ({ http, signal, serviceUrl: (url) => url });
  const url = (path: string) => `${settings.apiUrl}${path}`;

  return {
    async executeTool(slug, request) {
      const { data } = await callService<unknown>(contextOf(request.signal), {
        service, method: 'POST', url: url(`/api/v3/tools/execute/${encodeURIComponent(slug)}`), headers,
        json: { user_id: request.userId, arguments: request.arguments },
      });
      if (!isRecord(data)) throw new AppError('upstream_error', `${service} answered ${slug} with something that is not an execution result.`, { service, action: slug });
      if (data.successful !== true) {
        throw new AppError('upstream_error', `${service} could not run ${slug}: ${executionError(data)}`, {
          service, action: slug, ...(typeof data.log_id === 'string' ? { logId: data.log_id } : {}),
        });
      }
      return data.data ?? null;
    },

    async createConnectionLink(request) {
      const { data } = await callService<unknown>(contextOf(request.signal), {
        service, method: 'POST', url: url('/api/v3/connected_accounts/link'), headers,
        json: { auth_config_id: request.authConfigId, user_id: request.userId, callback_url: request.callbackUrl },
      });
      const redirectUrl = isRecord(data) ? stringOrNull(data.redirect_url) : null;
      if (!redirectUrl || !/^https?:\/\//i.test(redirectUrl)) {
        throw new AppError('upstream_error', `${service} did not return a link to connect the account.`, { service });
      }
      return {
        redirectUrl,
        connectedAccountId: isRecord(data) ? stringOrNull(data.connected_account_id) : null,
        expiresAt: isRecord(data) ? stringOrNull(data.expires_at) : null,
      };
    },

    async listConnectedAccounts(request) {
      const { data } = await callService<unknown>(contextOf(request.signal), {
        service, url: url('/api/v3/connected_accounts'), headers,
        query: { user_ids: [request.userId], toolkit_slugs: [request.toolkit], limit: 20 },
      });
      return itemsOf(data)
        .map((item) => ({
          id: stringOrNull(item.id) ?? '',
          status: stringOrNull(item.status) ?? 'UNKNOWN',
          toolkit: isRecord(item.toolkit) ? stringOrNull(item.toolkit.slug) : null,
          createdAt: stringOrNull(item.created_at),
        }))
        .filter((account) => account.id !== '' && (account.toolkit === null || account.toolkit === request.toolkit))
        .sort((left, right) => (right.createdAt ?? '').localeCompare(left.createdAt ?? ''));
    },

    async findAuthConfigId(request) {
      const { data } = await callService<unknown>(contextOf(request.signal), {
        service, url: url('/api/v3/auth_configs'), headers, query: { toolkit_slug: request.toolkit },
      });
      const enabled = itemsOf(data).find((item) => {
        const toolkit = isRecord(item.toolkit) ? item.toolkit.slug : undefined;
        return (toolkit === undefined || toolkit === request.toolkit) && (item.status === undefined || item.status === 'ENABLED');
      });
      return enabled ? stringOrNull(enabled.id) : null;
    },
  };
}
