import type { CredentialValues, IntegrationDefinition, IntegrationField } from '../integrations/define-integration.js';

/** What a secret too short to show any of looks like. */
export const fullyMasked = '••••••••';

/**
 * One value as a preview (reference §7.6): JSON → `[JSON data]`; webhook URLs → first 20 + last 8 characters;
 * other secrets → first 6 + last 4; never more than half of a secret (shorter ones are fully masked). Values
 * that are not secret (a region, a host) are shown, cut at 40 characters.
 */
export function maskValue(field: Pick<IntegrationField, 'type' | 'sensitive'>, value: string): string {
  if (field.type === 'json') return '[JSON data]';
  if (field.type === 'webhook_url') return value.length >= 56 ? `${value.slice(0, 20)}…${value.slice(-8)}` : fullyMasked;
  if (field.sensitive || field.type === 'api_key' || field.type === 'token') {
    return value.length >= 20 ? `${value.slice(0, 6)}…${value.slice(-4)}` : fullyMasked;
  }
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/**
 * The preview of a credential: its first secret field that holds a value (that is what tells two keys apart),
 * else its first field with a value.
 */
export function maskedPreviewOf(integration: Pick<IntegrationDefinition, 'fields'>, values: CredentialValues): string {
  const filled = integration.fields.filter((field) => (values[field.key] ?? '') !== '');
  const field = filled.find((candidate) => candidate.sensitive) ?? filled[0];
  return field ? maskValue(field, values[field.key] ?? '') : fullyMasked;
}
