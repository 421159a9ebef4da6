import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { leadsquaredIntegration } from './leadsquared.integration.js';
import { leadsquaredContext, leadsquaredKeys, startLeadsquaredDouble } from './leadsquared.double.test-support.js';

let leadsquared: Awaited<ReturnType<typeof startLeadsquaredDouble>>;
beforeAll(async () => {
  leadsquared = await startLeadsquaredDouble();
});
afterAll(() => leadsquared.close());

describe('leadsquared credential test', () => {
  it('reads the lead fields metadata with the keys', async () => {
    const result = await leadsquaredIntegration.test!({ ...leadsquaredKeys, host: 'https://api-in21.leadsquared.com/' }, testContextOf(leadsquaredContext(leadsquared.origin)));
    expect(leadsquared.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/LeadManagement.svc/LeadsMetaData.Get', query: { accessKey: leadsquaredKeys.access_key, secretKey: leadsquaredKeys.secret_key } });
    expect(result.message).toBe('Connected to LeadSquared at api-in21.leadsquared.com (2 lead fields).');
  });

  it('fails with LeadSquared\'s reason for wrong keys', async () => {
    await expect(leadsquaredIntegration.test!({ ...leadsquaredKeys, secret_key: 'x' }, testContextOf(leadsquaredContext(leadsquared.origin)))).rejects.toThrow('Invalid Access Key or Secret Key');
  });

  it('validates the host so the keys stay with LeadSquared', () => {
    const host = leadsquaredIntegration.fields.find((field) => field.key === 'host')!;
    expect(host.validate!('api-us11.leadsquared.com')).toBeNull();
    for (const bad of ['http://api.leadsquared.com', 'api.leadsquared.com.evil.test', 'evil.test/api.leadsquared.com', 'api.leadsquared.com/v2', '127.0.0.1']) expect(host.validate!(bad)).not.toBeNull();
  });
});
