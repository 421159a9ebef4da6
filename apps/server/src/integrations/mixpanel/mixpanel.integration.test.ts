import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { mixpanelIntegration } from './mixpanel.integration.js';
import { mixpanelContext, mixpanelSecret, mixpanelToken, startMixpanelDouble } from './mixpanel.double.test-support.js';

let mixpanel: Awaited<ReturnType<typeof startMixpanelDouble>>;
beforeAll(async () => {
  mixpanel = await startMixpanelDouble();
});
afterAll(() => mixpanel.close());

describe('mixpanel credential test', () => {
  it('reads the top event names with the API secret as Basic auth', async () => {
    const result = await mixpanelIntegration.test!({ project_token: mixpanelToken, api_secret: mixpanelSecret }, testContextOf(mixpanelContext(mixpanel.origin)));
    const request = mixpanel.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/api/query/events/names', query: { type: 'general', limit: '1' } });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${mixpanelSecret}:`).toString('base64')}`);
    expect(result).toEqual({ message: 'Connected to the Mixpanel project (latest top event: "Signed Up").', details: { verified: true } });
  });

  it('says the secret was refused on a 401', async () => {
    await expect(mixpanelIntegration.test!({ project_token: mixpanelToken, api_secret: 'wrong' }, testContextOf(mixpanelContext(mixpanel.origin)))).rejects.toThrow(
      'Mixpanel refused the credential (401): Invalid API secret',
    );
  });

  it('without a secret sends nothing and says the token cannot be confirmed', async () => {
    const before = mixpanel.requests.length;
    const result = await mixpanelIntegration.test!({ project_token: mixpanelToken }, testContextOf(mixpanelContext(mixpanel.origin)));
    expect(result.details).toEqual({ verified: false });
    expect(result.message).toContain('add the API secret');
    await expect(mixpanelIntegration.test!({}, testContextOf(mixpanelContext(mixpanel.origin)))).rejects.toThrow('project_token');
    expect(mixpanel.requests.length).toBe(before);
  });
});
