import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { githubListIssuesTool } from './github-list-issues.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { personal_access_token: 'github_pat_abc' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.github.com'], origin: api.origin, credentials: { github: credential } });
}

const issue = {
  id: 1,
  number: 1347,
  title: 'Found a bug',
  state: 'open',
  html_url: 'https://github.com/octocat/Hello-World/issues/1347',
  body: 'b'.repeat(600),
  user: { login: 'octocat' },
  labels: [{ id: 208045946, name: 'bug', color: 'f29513' }],
  assignees: [{ login: 'hubot' }],
  comments: 3,
  created_at: '2025-04-22T13:33:48Z',
  updated_at: '2025-04-23T13:33:48Z',
  closed_at: null,
};
const pullRequest = { ...issue, number: 1348, title: 'Fix it', body: null, labels: [], assignees: [], comments: 0, pull_request: { url: 'x' } };

function expectGitHubHeaders(headers: Record<string, unknown>): void {
  expect(headers.authorization).toBe('Bearer github_pat_abc');
  expect(headers.accept).toBe('application/vnd.github+json');
  expect(headers['x-github-api-version']).toBe('2022-11-28');
}

describe('github_list_issues', () => {
  it('GETs /repos/{owner}/{repo}/issues with the filters, GitHub\'s headers, and reads has_more from the Link header', async () => {
    api.answer({ headers: { link: '<https://api.github.com/repositories/1/issues?page=3>; rel="next", <https://api.github.com/repositories/1/issues?page=9>; rel="last"' }, json: [issue, pullRequest] });
    const { result } = await runTool(
      githubListIssuesTool,
      { owner: 'octocat', repo: 'Hello-World', state: 'all', labels: 'bug,ui', assignee: '*', sort: 'updated', direction: 'asc', per_page: 2, page: 2 },
      context(),
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/repos/octocat/Hello-World/issues' });
    expect(api.requests[0]!.query).toEqual({ state: 'all', labels: 'bug,ui', assignee: '*', sort: 'updated', direction: 'asc', per_page: '2', page: '2' });
    expectGitHubHeaders(api.requests[0]!.headers);
    expect(result).toEqual({
      repository: 'octocat/Hello-World',
      page: 2,
      count: 2,
      issues: [
        {
          number: 1347,
          title: 'Found a bug',
          state: 'open',
          url: issue.html_url,
          author: 'octocat',
          labels: ['bug'],
          assignees: ['hubot'],
          comments: 3,
          created_at: issue.created_at,
          updated_at: issue.updated_at,
          body: `${'b'.repeat(500)}…`,
        },
        {
          number: 1348,
          title: 'Fix it',
          state: 'open',
          url: issue.html_url,
          author: 'octocat',
          labels: [],
          assignees: [],
          comments: 0,
          created_at: issue.created_at,
          updated_at: issue.updated_at,
          is_pull_request: true,
          body: '',
        },
      ],
      has_more: true,
    });
  });

  it('reports a refused token (401) readably', async () => {
    api.answer({ status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    await expect(runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('GitHub refused the credential (401): Bad credentials'),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { message: 'Too many requests' } }, { json: [] });
    const { result } = await runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 0, has_more: false });
  });

  it('treats a 403 with retry-after (secondary rate limit) as a rate limit and tries again', async () => {
    api.answer({ status: 403, headers: { 'retry-after': '1' }, json: { message: 'You have exceeded a secondary rate limit.' } }, { json: [issue] });
    const { result } = await runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 1 });
  });

  it('says a 403 with x-ratelimit-remaining: 0 is a rate limit (not a refused token) when the reset is far off', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3_600;
    api.answer({
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      json: { message: 'API rate limit exceeded for user ID 1.' },
    });
    const error = await runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/GitHub is limiting requests; try again in \d+ s\./) });
    expect((error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(3_000);
    expect(api.requests).toHaveLength(1);
  });

  it('keeps a 403 without rate-limit headers a refusal of the credential', async () => {
    api.answer({ status: 403, headers: { 'x-ratelimit-remaining': '4999' }, json: { message: 'Resource not accessible by personal access token' } });
    await expect(runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('GitHub refused the credential (403): Resource not accessible by personal access token'),
    });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('GitHub answered with an HTML page'),
    });
  });

  it('names a missing token and sends nothing; refuses a repository name that could leave the path', async () => {
    await expect(runTool(githubListIssuesTool, { owner: 'octocat', repo: 'Hello-World' }, context({}))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"personal_access_token"'),
    });
    expect(githubListIssuesTool.inputSchema.safeParse({ owner: 'octocat', repo: '..' }).success).toBe(false);
    expect(githubListIssuesTool.inputSchema.safeParse({ owner: '../users', repo: 'x' }).success).toBe(false);
    expect(api.requests).toHaveLength(0);
  });
});
