import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { hubspotDealsTool } from './hubspot-deals.tool.js';
import { hubspotContext, startHubspotDouble } from './hubspot.double.test-support.js';

let hubspot: Awaited<ReturnType<typeof startHubspotDouble>>;
beforeAll(async () => {
  hubspot = await startHubspotDouble();
});
afterAll(() => hubspot.close());

describe('hubspot_deals', () => {
  it('lists deals with their amount and stage', async () => {
    const { result } = await runTool(hubspotDealsTool, {}, hubspotContext(hubspot.origin));
    expect(hubspot.requests.at(-1)).toMatchObject({ method: 'GET', path: '/crm/v3/objects/deals', query: { limit: '10', properties: 'dealname,amount,dealstage,pipeline,closedate' } });
    expect(result).toMatchObject({ deals: [{ id: '201', dealname: 'Big deal', amount: '5000', dealstage: 'closedwon', pipeline: 'default' }], count: 1 });
  });

  it('creates a deal', async () => {
    const { result } = await runTool(hubspotDealsTool, { action: 'create', dealname: 'New deal', amount: '1200', dealstage: 'appointmentscheduled' }, hubspotContext(hubspot.origin));
    expect(hubspot.requests.at(-1)).toMatchObject({ method: 'POST', path: '/crm/v3/objects/deals', body: { properties: { dealname: 'New deal', amount: '1200', dealstage: 'appointmentscheduled' } } });
    expect(result).toMatchObject({ created: true, id: '999', dealname: 'New deal', amount: '1200' });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(hubspotDealsTool, {}, hubspotContext(hubspot.origin, { access_token: 'pat-wrong' }))).rejects.toThrow('HubSpot refused the credential (401)');
  });
});
