import type { ErrorCode } from '@claraverse/shared';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';

/**
 * Codes whose server message names the actual problem on this page ("The Slack credential is not valid: Webhook
 * URL must be …", "No credential with id …", "Gmail is not connected yet …"), so it is shown as is.
 */
const codesWithSpecificMessage = new Set<ErrorCode>(['validation_failed', 'conflict', 'not_found', 'upstream_unavailable', 'upstream_error', 'outbound_blocked']);

/** The server's sentences carry no final full stop; the page's sentences do. */
function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A sentence for an error of the credentials page: the server's own message where it is specific, the app's otherwise. */
export function describeCredentialError(error: unknown): string {
  if (error instanceof ApiError && codesWithSpecificMessage.has(error.code) && error.message) return asSentence(error.message);
  return describeError(error);
}
