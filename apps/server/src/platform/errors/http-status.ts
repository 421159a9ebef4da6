import type { ErrorCode } from '@claraverse/shared';

/** The one place where an error code becomes an HTTP status. */
export const httpStatusByErrorCode = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  refresh_token_reused: 401,
  account_pending: 403,
  account_disabled: 403,
  registration_closed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_unavailable: 502,
  service_unavailable: 503,
  internal: 500,
} satisfies Record<ErrorCode, number>;
