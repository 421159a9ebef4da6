import { ValidationError } from '../../platform/errors/app-error.js';
import { authHeader, parseHeadersJson, validateHttpUrl } from '../custom-auth.js';
import type { CredentialValues } from '../define-integration.js';

export const restApi = { id: 'rest_api', name: 'REST API' } as const;

/** The credential's base URL, checked, with its path ending in `/` so endpoints resolve under it. */
export function baseUrlOf(values: CredentialValues): URL {
  const problem = validateHttpUrl(values.base_url!);
  if (problem) throw new ValidationError(`The REST API credential's base URL is not valid: ${problem}`);
  const url = new URL(values.base_url!.trim());
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * `endpoint` resolved under the base URL. Refused: absolute URLs (`https://other.example/x`, `//other.example`),
 * `..` segments (also percent-encoded) and anything that would land outside the base path, so the credential's
 * authentication only ever goes to the API it was given for.
 * @throws ValidationError
 */
export function resolveEndpoint(base: URL, endpoint: string): URL {
  const trimmed = endpoint.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('\\')) {
    throw new ValidationError('endpoint is a path under the base URL (like /users/42), not a full URL.');
  }
  const [pathPart] = trimmed.split(/[?#]/);
  const segments = (pathPart ?? '').split(/[/\\]/).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  if (segments.some((segment) => segment === '..' || segment === '.')) throw new ValidationError('endpoint may not contain "." or ".." segments.');
  const url = new URL(trimmed.replace(/^\/+/, ''), base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw new ValidationError(`endpoint must stay under ${base.origin}${base.pathname}.`);
  return url;
}

/** The headers every call of this credential carries: its `headers` JSON, then its authentication. */
export function restApiHeaders(values: CredentialValues): Record<string, string> {
  const type = values.auth_type?.trim() || 'none';
  const headerName = type === 'header' ? values.auth_header_name?.trim() || 'X-API-Key' : undefined;
  return { ...parseHeadersJson(values.headers, 'The credential\'s headers'), ...authHeader(type, values.auth_value, headerName) };
}
