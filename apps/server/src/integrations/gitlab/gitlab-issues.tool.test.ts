import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { gitlabIssuesTool } from './gitlab-issues.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://gitlab.com'], origin: api.origin, credentials: { gitlab: { personal_access_token: 'glpat-abc' } } });

describe('gitlab_issues', () => {
  it('GETs /api/v4/projects/{url-encoded path}/issues with the filters and returns compact issues', async () => {
    api.answer({
      json: [
        {
          id: 76,
          iid: 6,
          title: 'Consequatur vero',
          state: 'opened',
          web_url: 'https://gitlab.com/group/project/-/issues/6',
          description: 'Ratione dolores',
          labels: ['bug'],
          author: { username: 'ada' },
          assignees: [{ username: 'grace' }],
          due_date: '2025-05-01',
          created_at: '2025-03-01T10:00:00.000Z',
          updated_at: '2025-03-02T10:00:00.000Z',
        },
      ],
    });
    const { result } = await runTool(gitlabIssuesTool, { project_id: 'group/project', labels: 'bug', search: 'vero' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects/group%2Fproject/issues' });
    expect(api.requests[0]!.query).toEqual({ state: 'opened', labels: 'bug', search: 'vero', per_page: '20', page: '1' });
    expect(api.requests[0]!.headers['private-token']).toBe('glpat-abc');
    expect(result).toEqual({
      project: 'group/project',
      page: 1,
      count: 1,
      issues: [
        {
          iid: 6,
          title: 'Consequatur vero',
          state: 'opened',
          url: 'https://gitlab.com/group/project/-/issues/6',
          labels: ['bug'],
          author: 'ada',
          assignees: ['grace'],
          due_date: '2025-05-01',
          created_at: '2025-03-01T10:00:00.000Z',
          updated_at: '2025-03-02T10:00:00.000Z',
          description: 'Ratione dolores',
        },
      ],
      has_more: false,
    });
  });

  it('refuses a project path that could leave the API path', () => {
    expect(gitlabIssuesTool.inputSchema.safeParse({ project_id: '../../user' }).success).toBe(false);
    expect(gitlabIssuesTool.inputSchema.safeParse({ project_id: 'group/../x' }).success).toBe(false);
    expect(gitlabIssuesTool.inputSchema.safeParse({ project_id: '278964' }).success).toBe(true);
  });
});
