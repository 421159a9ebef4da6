import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { netlifySitesTool } from './netlify-sites.tool.js';
import { netlifyContext, netlifyToken, startNetlifyDouble } from './netlify.double.test-support.js';

let netlify: Awaited<ReturnType<typeof startNetlifyDouble>>;
beforeAll(async () => {
  netlify = await startNetlifyDouble();
});
afterAll(() => netlify.close());

describe('netlify_sites', () => {
  it('lists sites with paging and the Bearer token, compactly', async () => {
    const { result } = await runTool(netlifySitesTool, { limit: 1 }, netlifyContext(netlify.origin));
    const request = netlify.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/api/v1/sites', query: { filter: 'all', page: '1', per_page: '1' } });
    expect(request.headers.authorization).toBe(`Bearer ${netlifyToken}`);
    expect(result).toEqual({
      sites: [{
        id: 'site-1', name: 'docs-site', url: 'https://docs-site.netlify.app', adminUrl: 'https://app.netlify.com/sites/docs-site', customDomain: 'docs.example.com',
        repo: 'https://github.com/acme/docs', branch: 'main', publishedDeploy: { id: 'dep-1', state: 'ready', publishedAt: '2025-02-01T10:00:00.000Z' }, updatedAt: '2025-02-01T10:00:00.000Z',
      }],
      count: 1, page: 1, hasMore: true,
    });
  });

  it('filters by name', async () => {
    const { result } = await runTool(netlifySitesTool, { name: 'blog' }, netlifyContext(netlify.origin));
    expect(netlify.requests.at(-1)!.query).toMatchObject({ name: 'blog', per_page: '20' });
    expect(result).toMatchObject({ count: 1, hasMore: false, sites: [{ id: 'site-2', url: 'https://blog.netlify.app' }] });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(netlifySitesTool, {}, netlifyContext(netlify.origin, { access_token: 'nfp_wrong' }))).rejects.toThrow(
      'Netlify refused the credential (401): Access Denied: Invalid or missing token',
    );
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    netlify.failNext('rate-limit');
    const before = netlify.requests.length;
    const { result } = await runTool(netlifySitesTool, {}, netlifyContext(netlify.origin));
    expect(netlify.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 2 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    netlify.failNext('html');
    await expect(runTool(netlifySitesTool, {}, netlifyContext(netlify.origin))).rejects.toThrow('Netlify answered with an HTML page instead of JSON');
  });

  it('asks for the access token when the credential lacks it, sending nothing', async () => {
    const before = netlify.requests.length;
    await expect(runTool(netlifySitesTool, {}, netlifyContext(netlify.origin, {}))).rejects.toThrow('The Netlify credential has no access_token');
    expect(netlify.requests.length).toBe(before);
  });
});
