import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { jiraIntegration } from './jira.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://acme.atlassian.net'], origin: api.origin }));
const values = { email: 'ada@example.com', api_token: 'ATATT-token', domain: 'acme.atlassian.net' };

describe('jira credential test', () => {
  it('reads the account (GET /rest/api/3/myself) with Basic email:token', async () => {
    api.answer({ json: { accountId: '5b10a2844c20165700ede21g', displayName: 'Ada Lovelace', emailAddress: 'ada@example.com' } });
    const outcome = await jiraIntegration.test!(values, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/rest/api/3/myself' });
    expect(api.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada@example.com:ATATT-token').toString('base64')}`);
    expect(outcome).toEqual({
      message: 'Connected to Jira (acme.atlassian.net) as Ada Lovelace.',
      details: { accountId: '5b10a2844c20165700ede21g', site: 'https://acme.atlassian.net' },
    });
  });

  it('fails clearly when Jira refuses the token', async () => {
    api.answer({ status: 401, headers: { 'content-type': 'text/plain' }, text: 'Client must be authenticated to access this resource.' });
    await expect(jiraIntegration.test!(values, context())).rejects.toMatchObject({ message: expect.stringContaining('Jira refused the credential (401)') });
  });

  it('checks the domain field: a host name, not a URL with a path or an address', () => {
    const field = jiraIntegration.fields.find((candidate) => candidate.key === 'domain')!;
    expect(field.validate!('acme.atlassian.net')).toBeNull();
    expect(field.validate!('https://acme.atlassian.net/')).toBeNull();
    expect(field.validate!('jira.example.com')).toBeNull();
    expect(field.validate!('acme.atlassian.net/wiki')).not.toBeNull();
    expect(field.validate!('169.254.169.254')).not.toBeNull();
    expect(field.validate!('localhost')).not.toBeNull();
    expect(field.validate!('user@acme.atlassian.net')).not.toBeNull();
  });
});
