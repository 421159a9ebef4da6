import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { hubspotIntegration } from './hubspot.integration.js';
import { hubspotContext, hubspotToken, startHubspotDouble } from './hubspot.double.test-support.js';

let hubspot: Awaited<ReturnType<typeof startHubspotDouble>>;
beforeAll(async () => {
  hubspot = await startHubspotDouble();
});
afterAll(() => hubspot.close());

describe('hubspot credential test', () => {
  it('reads one contact with the token', async () => {
    const result = await hubspotIntegration.test!({ access_token: hubspotToken }, testContextOf(hubspotContext(hubspot.origin)));
    expect(hubspot.requests.at(-1)).toMatchObject({ method: 'GET', path: '/crm/v3/objects/contacts', query: { limit: '1' } });
    expect(result.message).toBe('Connected to HubSpot and can read its contacts.');
  });

  it('fails with HubSpot\'s reason for a wrong token', async () => {
    await expect(hubspotIntegration.test!({ access_token: 'pat-wrong' }, testContextOf(hubspotContext(hubspot.origin)))).rejects.toThrow(
      'HubSpot refused the credential (401): Authentication credentials not found.',
    );
  });

  it('asks for the token when it is empty, sending nothing', async () => {
    const before = hubspot.requests.length;
    await expect(hubspotIntegration.test!({ access_token: '' }, testContextOf(hubspotContext(hubspot.origin)))).rejects.toThrow('access_token');
    expect(hubspot.requests.length).toBe(before);
  });

  it('declares its token as a required secret and all three tools', () => {
    expect(hubspotIntegration.fields).toEqual([expect.objectContaining({ key: 'access_token', required: true, sensitive: true })]);
    expect(hubspotIntegration.tools.map((tool) => tool.name)).toEqual(['hubspot_contacts', 'hubspot_deals', 'hubspot_companies']);
    expect(hubspotIntegration.tools.every((tool) => tool.integration === 'hubspot' && tool.category === 'integrations')).toBe(true);
  });
});
