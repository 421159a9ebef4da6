import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

const apiHost = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+leadsquared\.com$/;

/**
 * The API host from what a person types (`api-in21.leadsquared.com`, with or without `https://` and a trailing
 * slash). Null unless it is a leadsquared.com host, so the keys cannot be sent elsewhere.
 */
export function leadsquaredHost(value: string | undefined): string | null {
  const text = (value ?? '').trim().toLowerCase().replace(/^https:\/\//, '').replace(/\/+$/, '');
  return apiHost.test(text) ? text : null;
}

/** `validate` of the host field. */
export function validateLeadsquaredHost(value: string): string | null {
  return leadsquaredHost(value) ? null : 'Give your LeadSquared API host, like api-in21.leadsquared.com (Settings → API and Webhooks shows it).';
}

export interface LeadsquaredCredential {
  host: string;
  accessKey: string;
  secretKey: string;
}

/** Reads and checks a LeadSquared credential's values. @throws ValidationError naming the field */
export function leadsquaredCredentialOf(values: Readonly<Record<string, string>>): LeadsquaredCredential {
  const accessKey = values.access_key?.trim();
  const secretKey = values.secret_key?.trim();
  if (!accessKey) throw new ValidationError('The LeadSquared credential has no access_key; edit it on the Credentials page.');
  if (!secretKey) throw new ValidationError('The LeadSquared credential has no secret_key; edit it on the Credentials page.');
  if (!values.host?.trim()) throw new ValidationError('The LeadSquared credential has no host; edit it on the Credentials page.');
  const host = leadsquaredHost(values.host);
  if (!host) throw new ValidationError(validateLeadsquaredHost(values.host)!);
  return { host, accessKey, secretKey };
}

/** The user's LeadSquared credential. @throws ValidationError when absent or incomplete */
export async function leadsquaredCredential(context: ToolContext): Promise<LeadsquaredCredential> {
  if (!context.getCredential) throw new ValidationError('Add a LeadSquared credential on the Credentials page to use this tool.');
  return leadsquaredCredentialOf(await context.getCredential('leadsquared'));
}

/** Calls `https://<host>/v2/<path>` with `accessKey` and `secretKey` as query parameters (LeadSquared's API auth). */
export function leadsquaredCall<Data>(
  context: ServiceContext,
  credential: LeadsquaredCredential,
  request: { method?: string; path: string; query?: Record<string, string | number | undefined>; json?: unknown },
) {
  return callService<Data>(context, {
    service: 'LeadSquared',
    method: request.method ?? 'GET',
    url: `https://${credential.host}/v2/${request.path}`,
    query: { accessKey: credential.accessKey, secretKey: credential.secretKey, ...request.query },
    json: request.json,
  });
}

/** LeadSquared's write answer: `{ Status: 'Success', Message: { Id } }`. */
export interface LeadsquaredWriteResult {
  Status?: string;
  Message?: { Id?: string; AffectedRows?: number };
}
