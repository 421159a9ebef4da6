import { ValidationError } from '../platform/errors/app-error.js';

/** How a custom webhook or REST API credential authenticates. */
export const customAuthTypes = ['none', 'bearer', 'basic', 'header'] as const;
export type CustomAuthType = (typeof customAuthTypes)[number];

const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
/** Headers a credential or a call may not set: the client owns framing and routing. */
const reservedHeaders = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-authorization']);

/** `validate` of a `json` headers field: a JSON object of header names to string values. */
export function validateHeadersJson(value: string): string | null {
  if (!value.trim()) return null;
  try {
    parseHeadersJson(value, 'headers');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The headers of a `json` credential field. @throws ValidationError when not an object of valid string headers */
export function parseHeadersJson(value: string | undefined, field: string): Record<string, string> {
  if (!value?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ValidationError(`${field} must be a JSON object like {"X-Source": "clara"}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ValidationError(`${field} must be a JSON object like {"X-Source": "clara"}.`);
  return checkHeaders(parsed as Record<string, unknown>, field);
}

/** Header names and values checked (no reserved names, no line breaks). @throws ValidationError */
export function checkHeaders(headers: Record<string, unknown>, field: string): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw new ValidationError(`${field}: the value of ${name} must be a string.`);
    if (!headerName.test(name) || reservedHeaders.has(name.toLowerCase())) throw new ValidationError(`${field}: "${name}" cannot be set as a header.`);
    if (/[\r\n\0]/.test(value)) throw new ValidationError(`${field}: the value of ${name} has a line break.`);
    checked[name.toLowerCase()] = value;
  }
  return checked;
}

/**
 * The authentication header of a credential: `bearer` → `Authorization: Bearer <value>`, `basic` → the value
 * `user:password` base64-encoded, `header` → `<headerName>: <value>`.
 * @throws ValidationError when the type needs a value (or a header name) that is missing
 */
export function authHeader(type: string | undefined, value: string | undefined, headerNameOfValue: string | undefined): Record<string, string> {
  const authType = (type?.trim() || 'none') as CustomAuthType;
  if (!customAuthTypes.includes(authType)) throw new ValidationError(`auth_type must be one of ${customAuthTypes.join(', ')}.`);
  if (authType === 'none') return {};
  const secret = value?.trim();
  if (!secret) throw new ValidationError(`auth_type ${authType} needs an auth_value in the credential.`);
  if (/[\r\n\0]/.test(secret)) throw new ValidationError('auth_value has a line break.');
  if (authType === 'bearer') return { authorization: `Bearer ${secret}` };
  if (authType === 'basic') {
    if (!secret.includes(':')) throw new ValidationError('For basic auth, auth_value is user:password.');
    return { authorization: `Basic ${Buffer.from(secret).toString('base64')}` };
  }
  const name = headerNameOfValue?.trim();
  if (!name || !headerName.test(name) || reservedHeaders.has(name.toLowerCase())) throw new ValidationError('For header auth, give a valid header name (like X-API-Key).');
  return { [name.toLowerCase()]: secret };
}

/** `validate` of a base or webhook URL field: an absolute http(s) URL without user-info. */
export function validateHttpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Give an http or https URL.';
    if (url.username || url.password) return 'Put credentials in the auth fields, not in the URL.';
    return null;
  } catch {
    return 'Give an absolute URL, like https://api.example.com/v1.';
  }
}
