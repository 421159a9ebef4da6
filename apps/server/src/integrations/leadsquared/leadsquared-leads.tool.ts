import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { leadsquaredCall, leadsquaredCredential } from './leadsquared-api.js';

type Lead = Record<string, unknown>;

/** Lead fields shown to the model (LeadSquared schema names). */
const shownFields = ['ProspectID', 'FirstName', 'LastName', 'EmailAddress', 'Phone', 'Mobile', 'Company', 'Source', 'ProspectStage', 'Score', 'OwnerIdName', 'CreatedOn', 'ModifiedOn'];
const maxLeads = 100;

function compact(lead: Lead): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const field of shownFields) if (lead[field] !== null && lead[field] !== undefined && lead[field] !== '') shown[field] = lead[field];
  return shown;
}

/** Finds LeadSquared leads: by id, by email, by quick search, or by a field condition (`Leads.Get`, paged). */
export const leadsquaredLeadsTool = defineTool({
  name: 'leadsquared_leads',
  displayName: 'LeadSquared Leads',
  description:
    'Finds leads in LeadSquared: give lead_id for one lead, email for a lookup by email, search for a quick search ' +
    '(name, email, phone), or field + value (+ operator) for a condition such as ProspectStage = Prospect; with none, ' +
    'lists the most recently created leads. Returns each lead\'s ProspectID, name, email, phone, company, source, ' +
    'stage, score, owner and dates.',
  icon: 'Users',
  category: 'integrations',
  integration: 'leadsquared',
  keywords: ['leadsquared', 'leads', 'crm', 'prospects', 'sales', 'search'],
  inputSchema: z.object({
    lead_id: z.string().max(100).optional().describe('A lead\'s ProspectID'),
    email: z.string().max(320).optional().describe('Find the lead with this email'),
    search: z.string().max(200).optional().describe('Quick search text'),
    field: z.string().regex(/^[A-Za-z_][\w]*$/, 'field is a LeadSquared field name').max(100).optional().describe('A lead field to filter on (e.g. ProspectStage, Source, mx_City)'),
    value: z.string().max(500).optional().describe('The value the field is compared with'),
    operator: z.enum(['=', '!=', '>', '<', '>=', '<=', 'like']).default('=').describe('How the field is compared'),
    limit: z.number().int().min(1).max(maxLeads).default(25).describe(`Leads per page, at most ${maxLeads}`),
    page: z.number().int().min(1).max(10_000).default(1),
  }),
  async execute(input, context) {
    const credential = await leadsquaredCredential(context);
    let leads: Lead[];
    if (input.lead_id) {
      leads = (await leadsquaredCall<Lead[]>(context, credential, { path: 'LeadManagement.svc/Leads.GetById', query: { id: input.lead_id } })).data;
    } else if (input.email) {
      leads = (await leadsquaredCall<Lead[]>(context, credential, { path: 'LeadManagement.svc/Leads.GetByEmailaddress', query: { emailaddress: input.email } })).data;
    } else if (input.search) {
      leads = (await leadsquaredCall<Lead[]>(context, credential, { path: 'LeadManagement.svc/Leads.GetByQuickSearch', query: { key: input.search } })).data;
    } else {
      const parameter = input.field
        ? { LookupName: input.field, LookupValue: input.value ?? '', SqlOperator: input.operator }
        : { LookupName: 'CreatedOn', LookupValue: '1970-01-01 00:00:00', SqlOperator: '>=' };
      const json = {
        Parameter: parameter,
        Columns: { Include_CSV: shownFields.join(',') },
        Sorting: { ColumnName: 'CreatedOn', Direction: '1' },
        Paging: { PageIndex: input.page, PageSize: input.limit },
      };
      leads = (await leadsquaredCall<Lead[]>(context, credential, { method: 'POST', path: 'LeadManagement.svc/Leads.Get', json })).data;
    }
    const list = Array.isArray(leads) ? leads : [];
    return { result: { leads: list.slice(0, input.limit).map(compact), count: Math.min(list.length, input.limit), ...(list.length > input.limit ? { truncated: true } : {}) } };
  },
});
