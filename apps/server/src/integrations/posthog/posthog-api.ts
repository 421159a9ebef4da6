import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

/** PostHog US Cloud's public (ingestion) host, the default of the `host` field. */
export const posthogDefaultHost = 'https://us.i.posthog.com';

/** Cloud ingestion hosts and the app host that serves their private API (PostHog's API overview). */
const cloudPrivateHosts: Readonly<Record<string, string>> = {
  'https://us.i.posthog.com': 'https://us.posthog.com',
  'https://eu.i.posthog.com': 'https://eu.posthog.com',
};

/**
 * The host as an origin (`https://posthog.example.com`): http(s), no credentials, path, query or fragment.
 * Null when it is not one.
 */
export function posthogHostOrigin(value: string | undefined): string | null {
  const text = value?.trim() || posthogDefaultHost;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash || url.pathname.replace(/\/+$/, '') !== '') return null;
  return url.origin;
}

/** `validate` of the host field. */
export function validatePosthogHost(value: string): string | null {
  return posthogHostOrigin(value) ? null : 'Give the PostHog address only, like https://us.i.posthog.com, https://eu.i.posthog.com or your own https://posthog.example.com.';
}

export interface PosthogCredential {
  apiKey: string;
  /** Where events go (`/i/v0/e/`, `/flags`). */
  ingestionHost: string;
  /** Where the private API lives (`/api/projects/…`): the app host on PostHog Cloud, the same host self-hosted. */
  privateHost: string;
  personalApiKey?: string;
}

/** Reads and checks a PostHog credential's values. @throws ValidationError naming the field */
export function posthogCredentialOf(values: Readonly<Record<string, string>>): PosthogCredential {
  const apiKey = values.api_key?.trim();
  if (!apiKey) throw new ValidationError('The PostHog credential has no api_key (the project API key); edit it on the Credentials page.');
  const ingestionHost = posthogHostOrigin(values.host);
  if (!ingestionHost) throw new ValidationError(validatePosthogHost(values.host ?? '')!);
  const personalApiKey = values.personal_api_key?.trim();
  return { apiKey, ingestionHost, privateHost: cloudPrivateHosts[ingestionHost] ?? ingestionHost, ...(personalApiKey ? { personalApiKey } : {}) };
}

/** The user's PostHog credential. @throws ValidationError when absent or incomplete */
export async function posthogCredential(context: ToolContext): Promise<PosthogCredential> {
  if (!context.getCredential) throw new ValidationError('Add a PostHog credential on the Credentials page to use this tool.');
  return posthogCredentialOf(await context.getCredential('posthog'));
}

/** Sends one event to PostHog's capture endpoint (`POST /i/v0/e/`, project API key in the body). */
export async function posthogCapture(
  context: ServiceContext,
  credential: PosthogCredential,
  event: { event: string; distinctId: string; properties: Record<string, unknown>; timestamp?: string },
): Promise<void> {
  const { data } = await callService<{ status?: number | string } | null>(context, {
    service: 'PostHog',
    method: 'POST',
    url: `${credential.ingestionHost}/i/v0/e/`,
    json: {
      api_key: credential.apiKey,
      event: event.event,
      distinct_id: event.distinctId,
      properties: event.properties,
      ...(event.timestamp ? { timestamp: event.timestamp } : {}),
    },
  });
  const status = data?.status;
  if (status !== undefined && status !== 1 && status !== 'Ok' && status !== 'ok') {
    throw new AppError('upstream_error', `PostHog did not accept the event (status ${String(status)}).`, { service: 'PostHog' });
  }
}

/** An ISO 8601 timestamp, or a ValidationError. */
export function checkedTimestamp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ValidationError('timestamp must be an ISO 8601 date and time, like 2025-01-31T09:30:00Z.');
  return new Date(time).toISOString();
}
