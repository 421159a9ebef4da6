import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { hubspotContactsTool } from './hubspot-contacts.tool.js';
import { hubspotContext, hubspotToken, startHubspotDouble } from './hubspot.double.test-support.js';

let hubspot: Awaited<ReturnType<typeof startHubspotDouble>>;
beforeAll(async () => {
  hubspot = await startHubspotDouble();
});
afterAll(() => hubspot.close());

describe('hubspot_contacts', () => {
  it('lists contacts a page at a time with the Bearer token and the properties it shows', async () => {
    const context = hubspotContext(hubspot.origin);
    const { result } = await runTool(hubspotContactsTool, { action: 'list', limit: 1 }, context);
    const request = hubspot.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/crm/v3/objects/contacts' });
    expect(request.query).toEqual({ limit: '1', properties: 'email,firstname,lastname,phone,company,jobtitle,lifecyclestage', archived: 'false' });
    expect(request.headers.authorization).toBe(`Bearer ${hubspotToken}`);
    expect(result).toEqual({
      contacts: [{ id: '101', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', updatedAt: '2025-01-02T00:00:00Z' }],
      count: 1,
      nextAfter: '1',
    });
    const next = await runTool(hubspotContactsTool, { limit: 1, after: '1' }, context);
    expect(hubspot.requests.at(-1)!.query.after).toBe('1');
    expect(next.result).toMatchObject({ contacts: [{ id: '102', email: 'alan@example.com' }], count: 1 });
    expect(next.result).not.toHaveProperty('nextAfter');
  });

  it('searches with HubSpot\'s search body and reports the total', async () => {
    const { result } = await runTool(hubspotContactsTool, { action: 'search', query: 'turing', limit: 5 }, hubspotContext(hubspot.origin));
    expect(hubspot.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/crm/v3/objects/contacts/search',
      body: { query: 'turing', limit: 5, properties: ['email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage'] },
    });
    expect(result).toMatchObject({ total: 1, count: 1, contacts: [{ id: '102', lastname: 'Turing' }] });
  });

  it('creates a contact from the named fields and extra properties', async () => {
    const { result } = await runTool(hubspotContactsTool, { action: 'create', email: 'grace@example.com', firstname: 'Grace', properties: { hs_lead_status: 'NEW' } }, hubspotContext(hubspot.origin));
    expect(hubspot.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/crm/v3/objects/contacts',
      body: { properties: { email: 'grace@example.com', firstname: 'Grace', hs_lead_status: 'NEW' } },
    });
    expect(result).toMatchObject({ created: true, id: '999', email: 'grace@example.com', hs_lead_status: 'NEW' });
  });

  it('refuses a create without an email and a search without a query, sending nothing', async () => {
    const before = hubspot.requests.length;
    const context = hubspotContext(hubspot.origin);
    await expect(runTool(hubspotContactsTool, { action: 'create', firstname: 'Nobody' }, context)).rejects.toThrow('Give email to create a HubSpot contact.');
    await expect(runTool(hubspotContactsTool, { action: 'search' }, context)).rejects.toThrow('Give a query to search HubSpot.');
    expect(hubspot.requests.length).toBe(before);
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(hubspotContactsTool, {}, hubspotContext(hubspot.origin, { access_token: 'pat-wrong' }))).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('HubSpot refused the credential (401): Authentication credentials not found.'),
    });
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    hubspot.failNext('rate-limit');
    const before = hubspot.requests.length;
    const { result } = await runTool(hubspotContactsTool, { limit: 2 }, hubspotContext(hubspot.origin));
    expect(hubspot.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 2 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    hubspot.failNext('html');
    await expect(runTool(hubspotContactsTool, {}, hubspotContext(hubspot.origin))).rejects.toThrow('HubSpot answered with an HTML page instead of JSON');
  });

  it('asks for the access token when the credential lacks it, sending nothing', async () => {
    const before = hubspot.requests.length;
    await expect(runTool(hubspotContactsTool, {}, hubspotContext(hubspot.origin, { access_token: ' ' }))).rejects.toThrow('The HubSpot credential has no access_token');
    expect(hubspot.requests.length).toBe(before);
  });
});
