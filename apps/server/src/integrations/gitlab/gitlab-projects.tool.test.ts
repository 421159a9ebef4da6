import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { gitlabProjectsTool } from './gitlab-projects.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { personal_access_token: 'glpat-abc' }, baseUrls = ['https://gitlab.com']) {
  return createIntegrationTestContext({ baseUrls, origin: api.origin, credentials: { gitlab: credential } });
}

const project = {
  id: 4,
  name: 'Diaspora Client',
  path_with_namespace: 'diaspora/diaspora-client',
  web_url: 'https://gitlab.com/diaspora/diaspora-client',
  description: 'A client',
  default_branch: 'main',
  visibility: 'private',
  last_activity_at: '2025-03-01T10:00:00.000Z',
};

describe('gitlab_projects', () => {
  it('GETs /api/v4/projects on gitlab.com with the PRIVATE-TOKEN header and the filters', async () => {
    api.answer({ headers: { 'x-next-page': '2', 'x-page': '1' }, json: [project] });
    const { result } = await runTool(gitlabProjectsTool, { membership: true, search: 'diaspora', per_page: 5 }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects' });
    expect(api.requests[0]!.query).toEqual({ membership: 'true', search: 'diaspora', order_by: 'last_activity_at', per_page: '5', page: '1' });
    expect(api.requests[0]!.headers['private-token']).toBe('glpat-abc');
    expect(api.requests[0]!.headers.authorization).toBeUndefined();
    expect(result).toEqual({
      instance: 'https://gitlab.com',
      page: 1,
      count: 1,
      projects: [
        {
          id: 4,
          name: 'Diaspora Client',
          path: 'diaspora/diaspora-client',
          url: 'https://gitlab.com/diaspora/diaspora-client',
          description: 'A client',
          default_branch: 'main',
          visibility: 'private',
          last_activity_at: '2025-03-01T10:00:00.000Z',
        },
      ],
      has_more: true,
    });
  });

  it('calls a self-managed GitLab named by base_url (sub-path kept, trailing slash dropped)', async () => {
    api.answer({ headers: { 'x-next-page': '' }, json: [] });
    const selfManaged = context({ personal_access_token: 'glpat-abc', base_url: 'https://gitlab.example.com/gitlab/' }, ['https://gitlab.example.com']);
    const { result } = await runTool(gitlabProjectsTool, { owned: true }, selfManaged);
    expect(api.requests[0]!.path).toBe('/gitlab/api/v4/projects');
    expect(api.requests[0]!.query).toMatchObject({ owned: 'true' });
    expect(result).toMatchObject({ instance: 'https://gitlab.example.com/gitlab', has_more: false });
  });

  it('reports a refused token (401) readably', async () => {
    api.answer({ status: 401, json: { message: '401 Unauthorized' } });
    await expect(runTool(gitlabProjectsTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('GitLab refused the credential (401): 401 Unauthorized'),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, text: 'Retry later' }, { json: [] });
    const { result } = await runTool(gitlabProjectsTool, {}, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 0 });
  });

  it('refuses an HTML page where JSON was expected (a base_url that is not GitLab\'s API)', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(gitlabProjectsTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('GitLab answered with an HTML page') });
  });

  it('names a missing token or an unusable base_url and sends nothing', async () => {
    await expect(runTool(gitlabProjectsTool, {}, context({}))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"personal_access_token"'),
    });
    await expect(runTool(gitlabProjectsTool, {}, context({ personal_access_token: 'glpat-abc', base_url: 'ftp://gitlab.example.com' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('base_url'),
    });
    expect(api.requests).toHaveLength(0);
  });
});
