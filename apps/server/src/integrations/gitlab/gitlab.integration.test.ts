import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { gitlabIntegration } from './gitlab.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = (baseUrls = ['https://gitlab.com']) => testContextOf(createIntegrationTestContext({ baseUrls, origin: api.origin }));

describe('gitlab credential test', () => {
  it('reads the token\'s user (GET /api/v4/user) on gitlab.com by default', async () => {
    api.answer({ json: { id: 1, username: 'ada', name: 'Ada Lovelace' } });
    const outcome = await gitlabIntegration.test!({ personal_access_token: 'glpat-abc' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v4/user' });
    expect(api.requests[0]!.headers['private-token']).toBe('glpat-abc');
    expect(outcome).toEqual({
      message: 'Connected to GitLab (gitlab.com) as @ada (Ada Lovelace).',
      details: { userId: 1, username: 'ada', instance: 'https://gitlab.com' },
    });
  });

  it('names a self-managed instance, and fails clearly when it refuses the token', async () => {
    api.answer({ status: 401, json: { message: '401 Unauthorized' } });
    await expect(gitlabIntegration.test!({ personal_access_token: 'glpat-wrong', base_url: 'https://git.acme.test' }, context(['https://git.acme.test']))).rejects.toMatchObject({
      message: expect.stringContaining('GitLab refused the credential (401): 401 Unauthorized'),
    });
    expect(api.requests).toHaveLength(1);
  });

  it('checks the base_url field', () => {
    const field = gitlabIntegration.fields.find((candidate) => candidate.key === 'base_url')!;
    expect(field.validate!('https://gitlab.example.com')).toBeNull();
    expect(field.validate!('https://gitlab.example.com/gitlab')).toBeNull();
    expect(field.validate!('gitlab.example.com')).toMatch(/address/);
    expect(field.validate!('https://user:pass@gitlab.example.com')).toMatch(/without user/);
    expect(field.validate!('https://gitlab.example.com/api/v4')).toMatch(/without \/api\/v4/);
  });
});
