import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';
import { hmacSha1Signature, signatureBaseString } from './x-oauth1.js';

export const xKeys = {
  bearer_token: 'AAAA-test-bearer',
  api_key: 'consumer-key',
  api_secret: 'consumer-secret',
  access_token: '12345-access-token',
  access_token_secret: 'access-token-secret',
};

const unauthorized = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };
const users = [
  { id: '2244994945', name: 'Developers', username: 'XDevelopers', description: 'The voice of the X Dev team', verified: true, created_at: '2013-12-14T04:35:55.000Z', public_metrics: { followers_count: 580000, following_count: 2000, tweet_count: 4000, listed_count: 1800 } },
  { id: '12345', name: 'Clara', username: 'clara_bot', created_at: '2020-01-01T00:00:00.000Z', public_metrics: { followers_count: 10, following_count: 1, tweet_count: 3 } },
];
const posts = [
  { id: '1800000000000000001', text: 'Hello from the X API v2', author_id: '2244994945', created_at: '2025-03-01T10:00:00.000Z', lang: 'en', public_metrics: { like_count: 12, retweet_count: 3, reply_count: 1, quote_count: 0, impression_count: 900 } },
  { id: '1800000000000000002', text: 'Second post', author_id: '2244994945', created_at: '2025-03-01T09:00:00.000Z', lang: 'en', public_metrics: { like_count: 1, retweet_count: 0, reply_count: 0, quote_count: 0 } },
];

/**
 * Checks an OAuth 1.0a header the way X does: recomputes the HMAC-SHA1 over the documented URL the client
 * signed (`https://api.x.com` + path + query) with the known secrets.
 */
function validOAuth1(recorded: RecordedRequest): boolean {
  const header = String(recorded.headers.authorization ?? '');
  if (!header.startsWith('OAuth ')) return false;
  const fields = Object.fromEntries([...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name!, decodeURIComponent(value!)]));
  if (fields.oauth_consumer_key !== xKeys.api_key || fields.oauth_token !== xKeys.access_token || fields.oauth_signature_method !== 'HMAC-SHA1') return false;
  const { oauth_signature: signature, ...oauth } = fields;
  const url = `https://api.x.com${recorded.path}`;
  const parameters: Array<[string, string]> = [...Object.entries(recorded.query), ...Object.entries(oauth)];
  return signature === hmacSha1Signature(signatureBaseString(recorded.method, url, parameters), xKeys.api_secret, xKeys.access_token_secret);
}

function route(recorded: RecordedRequest, response: ServerResponse, state: { rateLimitOnce: boolean }): void {
  if (state.rateLimitOnce) {
    state.rateLimitOnce = false;
    return sendJson(response, 429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000)), 'x-rate-limit-remaining': '0' });
  }
  const { method, path, query } = recorded;
  const userMatch = /^\/2\/users\/by\/username\/(\w+)$/.exec(path);
  if (method === 'GET' && userMatch) {
    const user = users.find((candidate) => candidate.username.toLowerCase() === userMatch[1]!.toLowerCase());
    return sendJson(response, 200, user ? { data: user } : { errors: [{ value: userMatch[1], detail: `Could not find user with username: [${userMatch[1]}].`, title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' }] });
  }
  if (method === 'GET' && path === '/2/users/me') return sendJson(response, 200, { data: users[1] });
  const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
  if (method === 'GET' && timeline) return sendJson(response, 200, { data: posts.slice(0, Number(query.max_results ?? 10)).map(({ author_id: _author, ...post }) => post), meta: { result_count: 2, newest_id: posts[0]!.id, oldest_id: posts[1]!.id, next_token: 'page-2' } });
  const byId = /^\/2\/users\/(\d+)$/.exec(path);
  if (method === 'GET' && byId) return sendJson(response, 200, { data: users.find((user) => user.id === byId[1]) ?? users[0] });
  if (method === 'GET' && path === '/2/tweets/search/recent') {
    return sendJson(response, 200, { data: posts, includes: { users: [users[0]] }, meta: { newest_id: posts[0]!.id, oldest_id: posts[1]!.id, result_count: 2, next_token: 'b26v89c19zqg8o3fo7' } });
  }
  if (method === 'POST' && path === '/2/tweets') return sendJson(response, 201, { data: { id: '1800000000000000099', text: (recorded.body as { text: string }).text, edit_history_tweet_ids: ['1800000000000000099'] } });
  sendJson(response, 404, { title: 'Not Found Error', detail: 'Not found', type: 'about:blank', status: 404 });
}

/** An X API v2 double: Bearer token for reads, a verified OAuth 1.0a signature for user-context calls. */
export async function startXDouble() {
  const state = { rateLimitOnce: false };
  const double = await startServiceDouble({
    authorize: (recorded) => {
      const userContext = recorded.path === '/2/users/me' || (recorded.method === 'POST' && recorded.path === '/2/tweets');
      const ok = userContext ? validOAuth1(recorded) : recorded.headers.authorization === `Bearer ${xKeys.bearer_token}`;
      return ok ? null : { status: 401, body: unauthorized };
    },
    route: (recorded, response) => route(recorded, response, state),
  });
  return Object.assign(double, { rateLimitNextWithReset: () => void (state.rateLimitOnce = true) });
}

/** A tool context whose X calls reach the double. */
export function xContext(origin: string, values: Record<string, string> = xKeys) {
  return createIntegrationTestContext({ baseUrls: ['https://api.x.com'], origin, credentials: { x_twitter: values } });
}
