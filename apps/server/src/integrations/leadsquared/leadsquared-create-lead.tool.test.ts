import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { leadsquaredCreateLeadTool } from './leadsquared-create-lead.tool.js';
import { leadsquaredContext, leadsquaredKeys, startLeadsquaredDouble } from './leadsquared.double.test-support.js';

let leadsquared: Awaited<ReturnType<typeof startLeadsquaredDouble>>;
beforeAll(async () => {
  leadsquared = await startLeadsquaredDouble();
});
afterAll(() => leadsquared.close());

describe('leadsquared_create_lead', () => {
  it('posts attribute/value pairs to Lead.Create and returns the new id', async () => {
    const { result } = await runTool(
      leadsquaredCreateLeadTool,
      { first_name: 'Meera', email: 'meera@example.com', source: 'Chat', attributes: { mx_City: 'Pune' } },
      leadsquaredContext(leadsquared.origin),
    );
    expect(leadsquared.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/LeadManagement.svc/Lead.Create',
      query: { accessKey: leadsquaredKeys.access_key, secretKey: leadsquaredKeys.secret_key },
    });
    expect(leadsquared.requests.at(-1)!.body).toEqual([
      { Attribute: 'mx_City', Value: 'Pune' },
      { Attribute: 'FirstName', Value: 'Meera' },
      { Attribute: 'EmailAddress', Value: 'meera@example.com' },
      { Attribute: 'Source', Value: 'Chat' },
    ]);
    expect(result).toEqual({ created: true, leadId: 'p-new', fields: ['mx_City', 'FirstName', 'EmailAddress', 'Source'] });
  });

  it('passes on LeadSquared\'s reason for a duplicate', async () => {
    await expect(runTool(leadsquaredCreateLeadTool, { email: 'asha@example.com' }, leadsquaredContext(leadsquared.origin))).rejects.toThrow('A Lead with same Email already exists.');
  });

  it('needs an email, a phone or a first name, sending nothing otherwise', async () => {
    const before = leadsquared.requests.length;
    await expect(runTool(leadsquaredCreateLeadTool, { company: 'Acme' }, leadsquaredContext(leadsquared.origin))).rejects.toThrow('Give at least an email');
    expect(leadsquared.requests.length).toBe(before);
  });

  it('says the keys were refused on a 401', async () => {
    await expect(runTool(leadsquaredCreateLeadTool, { email: 'x@example.com' }, leadsquaredContext(leadsquared.origin, { ...leadsquaredKeys, access_key: 'no' }))).rejects.toThrow('LeadSquared refused the credential (401)');
  });
});
