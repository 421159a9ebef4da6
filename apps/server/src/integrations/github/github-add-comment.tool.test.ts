import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { githubAddCommentTool } from './github-add-comment.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.github.com'], origin: api.origin, credentials: { github: { personal_access_token: 'github_pat_abc' } } });

describe('github_add_comment', () => {
  it('POSTs the body to /repos/{owner}/{repo}/issues/{number}/comments and returns the comment\'s URL', async () => {
    api.answer({ status: 201, json: { id: 1, html_url: 'https://github.com/octocat/Hello-World/issues/1347#issuecomment-1', created_at: '2025-04-14T16:00:49Z', body: 'Me too' } });
    const { result } = await runTool(githubAddCommentTool, { owner: 'octocat', repo: 'Hello-World', issue_number: 1347, body: 'Me too' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/repos/octocat/Hello-World/issues/1347/comments', body: { body: 'Me too' } });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer github_pat_abc');
    expect(api.requests[0]!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(result).toEqual({
      created: true,
      repository: 'octocat/Hello-World',
      issue_number: 1347,
      comment_id: 1,
      url: 'https://github.com/octocat/Hello-World/issues/1347#issuecomment-1',
      created_at: '2025-04-14T16:00:49Z',
    });
  });

  it('refuses a non-positive issue number', () => {
    expect(githubAddCommentTool.inputSchema.safeParse({ owner: 'octocat', repo: 'Hello-World', issue_number: 0, body: 'x' }).success).toBe(false);
  });
});
