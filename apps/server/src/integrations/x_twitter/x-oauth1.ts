import { createHmac, randomBytes } from 'node:crypto';

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !'()* alone). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface OAuth1Keys {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

export interface OAuth1Request {
  method: string;
  /** The absolute URL as the service documents it; its query parameters are signed. */
  url: string;
  /** Form-encoded body parameters (signed); a JSON body is not signed. */
  bodyParameters?: Record<string, string>;
  /** Fixed for tests; random otherwise. */
  nonce?: string;
  /** Seconds since the epoch; now otherwise. */
  timestamp?: number;
}

/**
 * The signature base string of OAuth 1.0a (RFC 5849 §3.4.1): method, the URL without query, and every query,
 * body and oauth_* parameter, encoded, sorted by name then value, joined with `&`.
 */
export function signatureBaseString(method: string, url: string, parameters: ReadonlyArray<[string, string]>): string {
  const parsed = new URL(url);
  const baseUrl = `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname}`;
  const encoded = parameters.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const);
  encoded.sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? (valueA < valueB ? -1 : valueA > valueB ? 1 : 0) : nameA < nameB ? -1 : 1));
  const parameterString = encoded.map(([name, value]) => `${name}=${value}`).join('&');
  return [method.toUpperCase(), percentEncode(baseUrl), percentEncode(parameterString)].join('&');
}

/** HMAC-SHA1 of the base string with `consumerSecret&tokenSecret`, base64. */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(baseString).digest('base64');
}

/**
 * The `Authorization: OAuth …` header of a request signed with HMAC-SHA1 in the user's context (X API v2 needs
 * it to post): oauth_* parameters plus the signature over the request's query and form parameters.
 */
export function oauth1Header(keys: OAuth1Keys, request: OAuth1Request): string {
  const oauth: Record<string, string> = {
    oauth_consumer_key: keys.consumerKey,
    oauth_nonce: request.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(request.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_token: keys.token,
    oauth_version: '1.0',
  };
  const query = [...new URL(request.url).searchParams.entries()];
  const parameters: Array<[string, string]> = [...query, ...Object.entries(request.bodyParameters ?? {}), ...Object.entries(oauth)];
  const signature = hmacSha1Signature(signatureBaseString(request.method, request.url, parameters), keys.consumerSecret, keys.tokenSecret);
  const fields = { ...oauth, oauth_signature: signature };
  return `OAuth ${Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`).join(', ')}`;
}
