import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential } from '../require-credential.js';
import { oauth1Header, type OAuth1Keys } from './x-oauth1.js';

/** X API v2 root; `INTEGRATION_BASE_URLS` may point `https://api.x.com` at a double. */
export const xApi = 'https://api.x.com/2';
const owner = { id: 'x_twitter', name: 'X (Twitter)' };

/** Fields asked for on every post and user, so results carry dates, metrics and names. */
export const postFields = 'created_at,author_id,public_metrics,lang,conversation_id';
export const userFields = 'created_at,description,location,public_metrics,verified,profile_image_url,url';

/** X answers 429 with `x-rate-limit-reset` (epoch seconds), not Retry-After: wait until then. */
function rateLimitWait(response: { status: number; headers: Record<string, string> }): number | undefined {
  if (response.status !== 429) return undefined;
  const reset = Number(response.headers['x-rate-limit-reset']);
  if (!Number.isFinite(reset) || reset <= 0 || response.headers['retry-after'] !== undefined) return undefined;
  return Math.max(0, reset * 1000 - Date.now());
}

/** The app's Bearer token of the user's X credential. @throws ValidationError when absent */
export async function xBearerToken(context: ToolContext): Promise<string> {
  return (await requireCredential(context, owner, ['bearer_token'])).bearer_token!.trim();
}

/** The four OAuth 1.0a user-context keys, or a ValidationError saying which are missing. */
export function xUserKeys(values: CredentialValues): OAuth1Keys {
  const needed = ['api_key', 'api_secret', 'access_token', 'access_token_secret'];
  const missing = needed.filter((key) => !values[key]?.trim());
  if (missing.length > 0) {
    throw new ValidationError(
      `Posting on X needs the app's API key and secret and your access token and secret (OAuth 1.0a); the credential has no ${missing.join(', ')}.`,
      missing.map((key) => ({ path: key, message: 'Required to post' })),
    );
  }
  return { consumerKey: values.api_key!.trim(), consumerSecret: values.api_secret!.trim(), token: values.access_token!.trim(), tokenSecret: values.access_token_secret!.trim() };
}

/** The user's X credential values (bearer token present). */
export function xCredential(context: ToolContext): Promise<CredentialValues> {
  return requireCredential(context, owner, ['bearer_token']);
}

type XQuery = Record<string, string | number | undefined>;

function withQuery(path: string, query: XQuery): string {
  const url = new URL(`${xApi}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** A read with the app's Bearer token. */
export function xGet<Data>(context: ServiceContext, bearerToken: string, path: string, query: XQuery = {}) {
  return callService<Data>(context, { service: 'X', url: withQuery(path, query), headers: { authorization: `Bearer ${bearerToken}` }, rateLimitWaitMs: rateLimitWait });
}

/** A call in the user's context, signed with OAuth 1.0a over the documented URL (JSON bodies are not signed). */
export function xSigned<Data>(context: ServiceContext, keys: OAuth1Keys, request: { method: string; path: string; query?: XQuery; json?: unknown }) {
  const url = withQuery(request.path, request.query ?? {});
  const serviceRequest: ServiceRequest = {
    service: 'X',
    method: request.method,
    url,
    headers: { authorization: oauth1Header(keys, { method: request.method, url }) },
    rateLimitWaitMs: rateLimitWait,
    ...(request.json === undefined ? {} : { json: request.json }),
  };
  return callService<Data>(context, serviceRequest);
}

export interface XUser {
  id: string;
  name?: string;
  username?: string;
  description?: string;
  location?: string;
  verified?: boolean;
  created_at?: string;
  public_metrics?: { followers_count?: number; following_count?: number; tweet_count?: number; listed_count?: number };
}

export interface XPost {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  lang?: string;
  public_metrics?: { like_count?: number; retweet_count?: number; reply_count?: number; quote_count?: number; impression_count?: number };
}

/** A post as the model sees it: text, author, time, metrics and its x.com link. */
export function compactPost(post: XPost, users: ReadonlyMap<string, XUser>) {
  const author = post.author_id ? users.get(post.author_id) : undefined;
  const handle = author?.username;
  return {
    id: post.id,
    text: post.text,
    ...(handle ? { author: `@${handle}`, authorName: author?.name } : post.author_id ? { authorId: post.author_id } : {}),
    createdAt: post.created_at,
    metrics: post.public_metrics,
    url: `https://x.com/${handle ?? 'i/web'}/status/${post.id}`,
  };
}

/** Users of an answer's `includes`, by id. */
export function usersById(includes: { users?: XUser[] } | undefined): Map<string, XUser> {
  return new Map((includes?.users ?? []).map((user) => [user.id, user]));
}

/** A user as the model sees it. */
export function compactUser(user: XUser) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    description: user.description || undefined,
    location: user.location || undefined,
    verified: user.verified,
    createdAt: user.created_at,
    followers: user.public_metrics?.followers_count,
    following: user.public_metrics?.following_count,
    posts: user.public_metrics?.tweet_count,
    url: user.username ? `https://x.com/${user.username}` : undefined,
  };
}

/** `@handle` or `handle` → `handle`, checked against X's username rule. @throws ValidationError */
export function cleanUsername(value: string): string {
  const username = value.trim().replace(/^@/, '');
  if (!/^\w{1,15}$/.test(username)) throw new ValidationError('An X username is 1 to 15 letters, digits or underscores (e.g. @XDevelopers).');
  return username;
}
