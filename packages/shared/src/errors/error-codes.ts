/**
 * Every error the API can answer with carries one of these codes. The HTTP status is derived from the code in
 * one table on the server (`http-status.ts`), so adding a code here forces a mapping there.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'token_expired',
  'refresh_token_reused',
  'account_pending',
  'account_disabled',
  'registration_closed',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'upstream_unavailable',
  'upstream_error',
  'outbound_blocked',
  'outbound_timeout',
  'response_too_large',
  'gone',
  'service_unavailable',
  /** The agent generator could not produce a valid workflow (details `{ problems: [{ blockId?, message }] }`). */
  'generation_failed',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
