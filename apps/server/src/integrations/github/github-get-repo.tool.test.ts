import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { githubGetRepoTool } from './github-get-repo.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.github.com'], origin: api.origin, credentials: { github: { personal_access_token: 'github_pat_abc' } } });

describe('github_get_repo', () => {
  it('GETs /repos/{owner}/{repo} and returns its facts', async () => {
    api.answer({
      json: {
        id: 1296269,
        name: 'Hello-World',
        full_name: 'octocat/Hello-World',
        description: 'This your first repo!',
        html_url: 'https://github.com/octocat/Hello-World',
        private: false,
        fork: false,
        archived: false,
        default_branch: 'main',
        language: 'TypeScript',
        stargazers_count: 80,
        forks_count: 9,
        open_issues_count: 0,
        watchers_count: 80,
        topics: ['octocat', 'api'],
        license: { key: 'mit', spdx_id: 'MIT' },
        owner: { login: 'octocat', type: 'User' },
        homepage: '',
        created_at: '2011-01-26T19:01:12Z',
        updated_at: '2011-01-26T19:14:43Z',
        pushed_at: '2011-01-26T19:06:43Z',
      },
    });
    const { result } = await runTool(githubGetRepoTool, { owner: 'octocat', repo: 'Hello-World' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/repos/octocat/Hello-World', query: {} });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer github_pat_abc');
    expect(result).toEqual({
      name: 'Hello-World',
      full_name: 'octocat/Hello-World',
      description: 'This your first repo!',
      url: 'https://github.com/octocat/Hello-World',
      owner: { login: 'octocat', type: 'User' },
      private: false,
      fork: false,
      archived: false,
      default_branch: 'main',
      language: 'TypeScript',
      stars: 80,
      forks: 9,
      open_issues: 0,
      watchers: 80,
      topics: ['octocat', 'api'],
      license: 'MIT',
      homepage: null,
      created_at: '2011-01-26T19:01:12Z',
      updated_at: '2011-01-26T19:14:43Z',
      pushed_at: '2011-01-26T19:06:43Z',
    });
  });

  it('reports a repository the token cannot see (404)', async () => {
    api.answer({ status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository' } });
    await expect(runTool(githubGetRepoTool, { owner: 'octocat', repo: 'secret' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('GitHub found nothing there (404): Not Found'),
    });
  });
});
