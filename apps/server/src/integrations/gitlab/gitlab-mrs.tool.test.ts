import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { gitlabMrsTool } from './gitlab-mrs.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://gitlab.com'], origin: api.origin, credentials: { gitlab: { personal_access_token: 'glpat-abc' } } });

describe('gitlab_mrs', () => {
  it('GETs /api/v4/projects/{id}/merge_requests by state and returns branches and merge status', async () => {
    api.answer({
      headers: { 'x-next-page': '3' },
      json: [
        {
          id: 1,
          iid: 12,
          title: 'Add the thing',
          state: 'merged',
          web_url: 'https://gitlab.com/group/project/-/merge_requests/12',
          source_branch: 'feature',
          target_branch: 'main',
          draft: false,
          author: { username: 'ada' },
          detailed_merge_status: 'mergeable',
          created_at: '2025-03-01T10:00:00.000Z',
          updated_at: '2025-03-02T10:00:00.000Z',
          merged_at: '2025-03-02T10:00:00.000Z',
        },
      ],
    });
    const { result } = await runTool(gitlabMrsTool, { project_id: '278964', state: 'merged', per_page: 1, page: 2 }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects/278964/merge_requests' });
    expect(api.requests[0]!.query).toEqual({ state: 'merged', per_page: '1', page: '2' });
    expect(api.requests[0]!.headers['private-token']).toBe('glpat-abc');
    expect(result).toEqual({
      project: '278964',
      page: 2,
      count: 1,
      merge_requests: [
        {
          iid: 12,
          title: 'Add the thing',
          state: 'merged',
          url: 'https://gitlab.com/group/project/-/merge_requests/12',
          source_branch: 'feature',
          target_branch: 'main',
          author: 'ada',
          draft: false,
          merge_status: 'mergeable',
          created_at: '2025-03-01T10:00:00.000Z',
          updated_at: '2025-03-02T10:00:00.000Z',
          merged_at: '2025-03-02T10:00:00.000Z',
        },
      ],
      has_more: true,
    });
  });

  it('reports a project the token cannot see (404)', async () => {
    api.answer({ status: 404, json: { message: '404 Project Not Found' } });
    await expect(runTool(gitlabMrsTool, { project_id: 'group/secret' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('GitLab found nothing there (404): 404 Project Not Found'),
    });
  });
});
