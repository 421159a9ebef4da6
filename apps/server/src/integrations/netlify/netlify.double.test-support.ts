import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';
import { netlifyOrigin } from './netlify-api.js';

export const netlifyToken = 'nfp_test_token';

const sites = [
  {
    id: 'site-1', name: 'docs-site', url: 'http://docs-site.netlify.app', ssl_url: 'https://docs-site.netlify.app', admin_url: 'https://app.netlify.com/sites/docs-site',
    custom_domain: 'docs.example.com', updated_at: '2025-02-01T10:00:00.000Z', build_settings: { repo_url: 'https://github.com/acme/docs', repo_branch: 'main' },
    published_deploy: { id: 'dep-1', state: 'ready', published_at: '2025-02-01T10:00:00.000Z' }, account_slug: 'acme', screenshot_url: null,
  },
  { id: 'site-2', name: 'blog', url: 'http://blog.netlify.app', ssl_url: 'https://blog.netlify.app', admin_url: 'https://app.netlify.com/sites/blog', custom_domain: null, published_deploy: null, build_settings: {} },
];
const deploys = [
  { id: 'dep-2', site_id: 'site-1', state: 'error', context: 'production', branch: 'main', commit_ref: 'abc123', title: 'Fix nav', deploy_ssl_url: 'https://dep-2--docs-site.netlify.app', error_message: 'Build script returned non-zero exit code: 2', created_at: '2025-02-02T10:00:00.000Z', published_at: null },
  { id: 'dep-1', site_id: 'site-1', state: 'ready', context: 'production', branch: 'main', commit_ref: 'fff000', title: null, deploy_ssl_url: 'https://dep-1--docs-site.netlify.app', error_message: null, created_at: '2025-02-01T09:58:00.000Z', published_at: '2025-02-01T10:00:00.000Z' },
];

function route(recorded: RecordedRequest, response: ServerResponse): void {
  const { method, path, query } = recorded;
  if (method === 'GET' && path === '/api/v1/user') return sendJson(response, 200, { id: 'u-1', email: 'ada@example.com', full_name: 'Ada Lovelace' });
  if (method === 'GET' && path === '/api/v1/sites') {
    const matching = sites.filter((site) => !query.name || site.name.includes(query.name));
    const perPage = Number(query.per_page ?? 100);
    const start = (Number(query.page ?? 1) - 1) * perPage;
    return sendJson(response, 200, matching.slice(start, start + perPage));
  }
  const siteMatch = /^\/api\/v1\/sites\/([^/]+)\/(deploys|builds)$/.exec(path);
  const site = sites.find((candidate) => candidate.id === siteMatch?.[1] || candidate.name === siteMatch?.[1]);
  if (!siteMatch || !site) return sendJson(response, 404, { code: 404, message: 'Not Found' });
  if (method === 'GET' && siteMatch[2] === 'deploys') return sendJson(response, 200, deploys.filter((deploy) => deploy.site_id === site.id).slice(0, Number(query.per_page ?? 100)));
  if (method === 'POST' && siteMatch[2] === 'builds') return sendJson(response, 200, { id: 'build-9', deploy_id: 'dep-9', sha: null, done: false, error: null, created_at: '2025-02-03T10:00:00.000Z' });
  sendJson(response, 405, { code: 405, message: 'Method Not Allowed' });
}

/** A Netlify API v1 double: Bearer token checked (401 `Access Denied` otherwise); sites, deploys, builds, user. */
export function startNetlifyDouble() {
  return startServiceDouble({
    authorize: (recorded) => (recorded.headers.authorization === `Bearer ${netlifyToken}` ? null : { status: 401, body: { code: 401, message: 'Access Denied: Invalid or missing token' } }),
    route,
    rateLimitBody: { code: 429, message: 'Rate limit exceeded' },
  });
}

/** A tool context whose Netlify calls reach the double. */
export function netlifyContext(origin: string, values: Record<string, string> = { access_token: netlifyToken }) {
  return createIntegrationTestContext({ baseUrls: [netlifyOrigin], origin, credentials: { netlify: values } });
}
