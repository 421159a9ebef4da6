import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { githubIntegration } from './github.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.github.com'], origin: api.origin }));

describe('github credential test', () => {
  it('reads the token\'s user (GET /user) and its scopes', async () => {
    api.answer({ headers: { 'x-oauth-scopes': 'repo, read:org' }, json: { login: 'octocat', id: 1, name: 'The Octocat' } });
    const outcome = await githubIntegration.test!({ personal_access_token: 'ghp_abc' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/user' });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer ghp_abc');
    expect(api.requests[0]!.headers.accept).toBe('application/vnd.github+json');
    expect(outcome).toEqual({ message: 'Connected to GitHub as @octocat (The Octocat).', details: { login: 'octocat', scopes: ['repo', 'read:org'] } });
  });

  it('fails clearly when GitHub refuses the token', async () => {
    api.answer({ status: 401, json: { message: 'Bad credentials' } });
    await expect(githubIntegration.test!({ personal_access_token: 'ghp_wrong' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('GitHub refused the credential (401): Bad credentials'),
    });
  });
});
