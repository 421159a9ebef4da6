import { ValidationError } from '../../platform/errors/app-error.js';
import type { CredentialValues } from '../define-integration.js';
import { authHeader, parseHeadersJson, validateHttpUrl } from '../custom-auth.js';

export const customWebhook = { id: 'custom_webhook', name: 'Custom Webhook' } as const;

export const webhookMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/**
 * The headers every call of this credential carries: its `headers` JSON, then its authentication (`header` auth
 * takes `auth_value` as `Header-Name: value`).
 */
export function credentialHeaders(values: CredentialValues): Record<string, string> {
  const type = values.auth_type?.trim() || 'none';
  let name: string | undefined;
  let value = values.auth_value;
  if (type === 'header') {
    const colon = value?.indexOf(':') ?? -1;
    if (colon <= 0) throw new ValidationError('For header auth, auth_value is "Header-Name: value".');
    name = value!.slice(0, colon);
    value = value!.slice(colon + 1);
  }
  return { ...parseHeadersJson(values.headers, 'The credential\'s headers'), ...authHeader(type, value, name) };
}

/** The credential's URL, checked. */
export function credentialUrl(values: CredentialValues): URL {
  const problem = validateHttpUrl(values.url!);
  if (problem) throw new ValidationError(`The Custom Webhook credential's URL is not valid: ${problem}`);
  return new URL(values.url!.trim());
}
