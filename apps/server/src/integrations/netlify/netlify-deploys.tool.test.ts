import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { netlifyDeploysTool } from './netlify-deploys.tool.js';
import { netlifyContext, startNetlifyDouble } from './netlify.double.test-support.js';

let netlify: Awaited<ReturnType<typeof startNetlifyDouble>>;
beforeAll(async () => {
  netlify = await startNetlifyDouble();
});
afterAll(() => netlify.close());

describe('netlify_deploys', () => {
  it('lists a site\'s deploys with state, commit and error', async () => {
    const { result } = await runTool(netlifyDeploysTool, { site_id: 'site-1', limit: 5 }, netlifyContext(netlify.origin));
    expect(netlify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/sites/site-1/deploys', query: { page: '1', per_page: '5' } });
    expect(result).toMatchObject({
      siteId: 'site-1', count: 2, hasMore: false,
      deploys: [
        { id: 'dep-2', state: 'error', context: 'production', branch: 'main', commit: 'abc123', title: 'Fix nav', url: 'https://dep-2--docs-site.netlify.app', error: 'Build script returned non-zero exit code: 2' },
        { id: 'dep-1', state: 'ready', publishedAt: '2025-02-01T10:00:00.000Z' },
      ],
    });
  });

  it('reports an unknown site as Netlify\'s 404', async () => {
    await expect(runTool(netlifyDeploysTool, { site_id: 'nope' }, netlifyContext(netlify.origin))).rejects.toThrow('Netlify found nothing there (404): Not Found.');
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(netlifyDeploysTool, { site_id: 'site-1' }, netlifyContext(netlify.origin, { access_token: 'x' }))).rejects.toThrow('Netlify refused the credential (401)');
  });
});
