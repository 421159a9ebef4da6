import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { leadsquaredLeadsTool } from './leadsquared-leads.tool.js';
import { leadsquaredContext, leadsquaredKeys, startLeadsquaredDouble } from './leadsquared.double.test-support.js';

let leadsquared: Awaited<ReturnType<typeof startLeadsquaredDouble>>;
beforeAll(async () => {
  leadsquared = await startLeadsquaredDouble();
});
afterAll(() => leadsquared.close());

const auth = { accessKey: leadsquaredKeys.access_key, secretKey: leadsquaredKeys.secret_key };

describe('leadsquared_leads', () => {
  it('lists recent leads with Leads.Get, the keys as query parameters, paging and sorting', async () => {
    const { result } = await runTool(leadsquaredLeadsTool, { limit: 1 }, leadsquaredContext(leadsquared.origin));
    const request = leadsquared.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/v2/LeadManagement.svc/Leads.Get', query: auth });
    expect(request.body).toEqual({
      Parameter: { LookupName: 'CreatedOn', LookupValue: '1970-01-01 00:00:00', SqlOperator: '>=' },
      Columns: { Include_CSV: 'ProspectID,FirstName,LastName,EmailAddress,Phone,Mobile,Company,Source,ProspectStage,Score,OwnerIdName,CreatedOn,ModifiedOn' },
      Sorting: { ColumnName: 'CreatedOn', Direction: '1' },
      Paging: { PageIndex: 1, PageSize: 1 },
    });
    expect(result).toEqual({
      leads: [{ ProspectID: 'p-1', FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com', Phone: '+91-9000000001', Source: 'Website', ProspectStage: 'Prospect', Score: '10', CreatedOn: '2025-01-02 10:00:00' }],
      count: 1,
    });
  });

  it('filters on a field, and looks up by id, email and quick search', async () => {
    const context = leadsquaredContext(leadsquared.origin);
    const staged = await runTool(leadsquaredLeadsTool, { field: 'ProspectStage', value: 'Customer' }, context);
    expect((leadsquared.requests.at(-1)!.body as { Parameter: unknown }).Parameter).toEqual({ LookupName: 'ProspectStage', LookupValue: 'Customer', SqlOperator: '=' });
    expect(staged.result).toMatchObject({ count: 1, leads: [{ ProspectID: 'p-2' }] });

    await runTool(leadsquaredLeadsTool, { lead_id: 'p-2' }, context);
    expect(leadsquared.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/LeadManagement.svc/Leads.GetById', query: { ...auth, id: 'p-2' } });
    const byEmail = await runTool(leadsquaredLeadsTool, { email: 'asha@example.com' }, context);
    expect(leadsquared.requests.at(-1)).toMatchObject({ path: '/v2/LeadManagement.svc/Leads.GetByEmailaddress', query: { emailaddress: 'asha@example.com' } });
    expect(byEmail.result).toMatchObject({ count: 1, leads: [{ ProspectID: 'p-1' }] });
    const searched = await runTool(leadsquaredLeadsTool, { search: 'kumar' }, context);
    expect(leadsquared.requests.at(-1)).toMatchObject({ path: '/v2/LeadManagement.svc/Leads.GetByQuickSearch', query: { key: 'kumar' } });
    expect(searched.result).toMatchObject({ count: 1, leads: [{ ProspectID: 'p-2' }] });
  });

  it('says the keys were refused on a 401, with LeadSquared\'s words', async () => {
    await expect(runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin, { ...leadsquaredKeys, secret_key: 'wrong' }))).rejects.toThrow(
      'LeadSquared refused the credential (401): Invalid Access Key or Secret Key',
    );
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    leadsquared.failNext('rate-limit');
    const before = leadsquared.requests.length;
    const { result } = await runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin));
    expect(leadsquared.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 2 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    leadsquared.failNext('html');
    await expect(runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin))).rejects.toThrow('LeadSquared answered with an HTML page instead of JSON');
  });

  it('refuses a host outside leadsquared.com and missing keys, sending nothing', async () => {
    const before = leadsquared.requests.length;
    await expect(runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin, { ...leadsquaredKeys, host: 'leadsquared.com.evil.test' }))).rejects.toThrow('Give your LeadSquared API host');
    await expect(runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin, { host: leadsquaredKeys.host, secret_key: 's' }))).rejects.toThrow('no access_key');
    await expect(runTool(leadsquaredLeadsTool, {}, leadsquaredContext(leadsquared.origin, { host: leadsquaredKeys.host, access_key: 'a' }))).rejects.toThrow('no secret_key');
    expect(leadsquared.requests.length).toBe(before);
  });
});
