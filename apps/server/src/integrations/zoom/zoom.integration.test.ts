import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { zoomIntegration } from './zoom.integration.js';

const credential = { account_id: 'acc-1', client_id: 'cid', client_secret: 'csecret' };
let zoomDouble: ScriptedDouble;

beforeAll(async () => {
  zoomDouble = await startScriptedDouble();
});
afterAll(() => zoomDouble.close());
beforeEach(() => zoomDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://zoom.us', 'https://api.zoom.us'], origin: zoomDouble.origin }));

describe('zoom credential test', () => {
  it('gets a token and reads the account user', async () => {
    zoomDouble.answer({ json: { access_token: 'zoom-token', expires_in: 3599 } }, { json: { id: 'u1', email: 'host@example.com', first_name: 'Ada', last_name: 'L', account_id: 'acc-1' } });
    const result = await zoomIntegration.test!(credential, context());
    expect(result.message).toBe('Connected to Zoom as host@example.com (Ada L).');
    expect(zoomDouble.requests[0]).toMatchObject({ method: 'POST', path: '/oauth/token', query: { grant_type: 'account_credentials', account_id: 'acc-1' } });
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'GET', path: '/v2/users/me' });
    expect(zoomDouble.requests[1]!.headers.authorization).toBe('Bearer zoom-token');
  });

  it('fails clearly when Zoom refuses the app credentials', async () => {
    zoomDouble.answer({ status: 401, json: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } });
    await expect(zoomIntegration.test!(credential, context())).rejects.toThrow(/Zoom refused the app credentials/);
    expect(zoomDouble.requests).toHaveLength(1);
  });
});
