import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { githubCreateIssueTool } from './github-create-issue.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.github.com'], origin: api.origin, credentials: { github: { personal_access_token: 'github_pat_abc' } } });

describe('github_create_issue', () => {
  it('POSTs title, body, labels and assignees to /repos/{owner}/{repo}/issues and returns the number and URL', async () => {
    api.answer({ status: 201, json: { id: 1, number: 1349, title: 'Found a bug', state: 'open', html_url: 'https://github.com/octocat/Hello-World/issues/1349' } });
    const { result } = await runTool(
      githubCreateIssueTool,
      { owner: 'octocat', repo: 'Hello-World', title: 'Found a bug', body: 'Steps…', labels: ['bug'], assignees: ['octocat'] },
      context(),
    );
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/octocat/Hello-World/issues',
      body: { title: 'Found a bug', body: 'Steps…', labels: ['bug'], assignees: ['octocat'] },
    });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer github_pat_abc');
    expect(api.requests[0]!.headers.accept).toBe('application/vnd.github+json');
    expect(api.requests[0]!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(result).toEqual({
      created: true,
      repository: 'octocat/Hello-World',
      issue_number: 1349,
      title: 'Found a bug',
      state: 'open',
      url: 'https://github.com/octocat/Hello-World/issues/1349',
    });
  });

  it('passes on GitHub\'s validation failure (422)', async () => {
    api.answer({ status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] } });
    await expect(runTool(githubCreateIssueTool, { owner: 'octocat', repo: 'Hello-World', title: 'x' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('GitHub refused the request (422): Validation Failed'),
    });
  });
});
