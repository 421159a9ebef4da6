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
  /** A connected service (an integration's API) refused the request: bad credential, bad input, not found. */
  upstream_error: 502,
  /** The SSRF guard refused the address (private, loopback, metadata…) or the scheme. */
  outbound_blocked: 422,
  outbound_timeout: 504,
  response_too_large: 502,
  /** The resource existed but has expired (an upload past its TTL). */
  gone: 410,
  service_unavailable: 503,
  /** The agent generator's workflow stayed invalid after its repair round; nothing was saved. */
  generation_failed: 422,
  internal: 500,
} satisfies Record<ErrorCode, number>;
