import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { hubspotCompaniesTool } from './hubspot-companies.tool.js';
import { hubspotContext, startHubspotDouble } from './hubspot.double.test-support.js';

let hubspot: Awaited<ReturnType<typeof startHubspotDouble>>;
beforeAll(async () => {
  hubspot = await startHubspotDouble();
});
afterAll(() => hubspot.close());

describe('hubspot_companies', () => {
  it('searches companies', async () => {
    const { result } = await runTool(hubspotCompaniesTool, { action: 'search', query: 'acme' }, hubspotContext(hubspot.origin));
    expect(hubspot.requests.at(-1)).toMatchObject({ method: 'POST', path: '/crm/v3/objects/companies/search', body: { query: 'acme', limit: 10 } });
    expect(result).toMatchObject({ total: 1, companies: [{ id: '301', name: 'Acme', domain: 'acme.test' }] });
  });

  it('creates a company and needs its name', async () => {
    const context = hubspotContext(hubspot.origin);
    await expect(runTool(hubspotCompaniesTool, { action: 'create', domain: 'x.test' }, context)).rejects.toThrow('Give name to create a HubSpot company.');
    const { result } = await runTool(hubspotCompaniesTool, { action: 'create', name: 'Globex', domain: 'globex.test' }, context);
    expect(hubspot.requests.at(-1)).toMatchObject({ method: 'POST', path: '/crm/v3/objects/companies', body: { properties: { name: 'Globex', domain: 'globex.test' } } });
    expect(result).toMatchObject({ created: true, name: 'Globex' });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(hubspotCompaniesTool, {}, hubspotContext(hubspot.origin, { access_token: 'pat-wrong' }))).rejects.toThrow('HubSpot refused the credential (401)');
  });
});
