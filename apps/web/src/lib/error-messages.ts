import type { ErrorCode } from '@claraverse/shared';
import { ApiError } from './api-client';

/** A sentence a person understands for each error code; screens may override some for their context. */
const messageByCode: Record<ErrorCode, string> = {
  validation_failed: 'Some fields need attention.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  invalid_credentials: 'Wrong email or password.',
  token_expired: 'Your session has ended. Please sign in again.',
  refresh_token_reused: 'For your security you were signed out. Please sign in again.',
  account_pending: "Your account is waiting for an administrator's approval.",
  account_disabled: 'This account has been disabled. Contact your administrator.',
  registration_closed: 'Registration is closed on this instance. Ask an administrator for an account.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'We could not find what you were looking for.',
  conflict: 'This conflicts with the current state. Refresh and try again.',
  payload_too_large: 'That is too large to send.',
  unsupported_media_type: 'That kind of file or content is not supported.',
  rate_limited: 'Too many attempts. Please wait a moment and try again.',
  upstream_unavailable: 'A service ClaraVerse depends on is not answering. Try again shortly.',
  upstream_error: 'The connected service refused the request.',
  outbound_blocked: 'That address is not reachable from ClaraVerse (private or internal addresses are blocked).',
  outbound_timeout: 'The remote site took too long to answer. Try again later.',
  response_too_large: 'The remote answer was larger than ClaraVerse accepts.',
  gone: 'This has expired and is no longer available.',
  service_unavailable: 'ClaraVerse cannot be reached right now. Check your connection and try again.',
  generation_failed: 'The AI could not build a valid workflow from that. Try describing it differently or with more detail.',
  internal: 'Something went wrong on our side. Try again, and tell your administrator if it keeps happening.',
};

/** Codes whose server message is specific and meant for people (e.g. "You cannot demote the last admin"). */
const codesWithUsefulServerMessage = new Set<ErrorCode>(['conflict', 'forbidden', 'upstream_error']);

/** Formats a wait in seconds as "about N minutes" / "a few seconds". */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? 'a second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Turns any thrown value into a sentence to show; `overrides` replaces the default for some codes. */
export function describeError(error: unknown, overrides: Partial<Record<ErrorCode, string>> = {}): string {
  if (!(error instanceof ApiError)) return messageByCode.internal;
  const override = overrides[error.code];
  if (override) return override;
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== null) {
    return `Too many attempts. Try again in ${describeWait(error.retryAfterSeconds)}.`;
  }
  if (codesWithUsefulServerMessage.has(error.code) && error.message) return error.message;
  return messageByCode[error.code];
}
