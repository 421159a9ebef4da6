import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { netlifyTriggerBuildTool } from './netlify-trigger-build.tool.js';
import { netlifyContext, startNetlifyDouble } from './netlify.double.test-support.js';

let netlify: Awaited<ReturnType<typeof startNetlifyDouble>>;
beforeAll(async () => {
  netlify = await startNetlifyDouble();
});
afterAll(() => netlify.close());

describe('netlify_trigger_build', () => {
  it('starts a build by site name, clearing the cache when asked', async () => {
    const { result } = await runTool(netlifyTriggerBuildTool, { site_id: 'docs-site', clear_cache: true }, netlifyContext(netlify.origin));
    expect(netlify.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/sites/docs-site/builds', body: { clear_cache: true } });
    expect(netlify.requests.at(-1)!.headers['content-type']).toBe('application/json');
    expect(result).toEqual({ started: true, siteId: 'docs-site', buildId: 'build-9', deployId: 'dep-9', done: false, createdAt: '2025-02-03T10:00:00.000Z' });
  });

  it('sends an empty body by default', async () => {
    await runTool(netlifyTriggerBuildTool, { site_id: 'site-1' }, netlifyContext(netlify.origin));
    expect(netlify.requests.at(-1)!.body).toEqual({});
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(netlifyTriggerBuildTool, { site_id: 'site-1' }, netlifyContext(netlify.origin, { access_token: 'x' }))).rejects.toThrow('Netlify refused the credential (401)');
  });
});
