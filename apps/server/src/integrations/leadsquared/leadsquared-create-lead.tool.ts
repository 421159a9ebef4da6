import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { leadsquaredCall, leadsquaredCredential, type LeadsquaredWriteResult } from './leadsquared-api.js';

/** Named parameters and the LeadSquared attribute each one sets. */
const namedAttributes = { first_name: 'FirstName', last_name: 'LastName', email: 'EmailAddress', phone: 'Phone', company: 'Company', source: 'Source', notes: 'Notes' } as const;

/** Creates a lead in LeadSquared (`POST LeadManagement.svc/Lead.Create`, attribute/value pairs). */
export const leadsquaredCreateLeadTool = defineTool({
  name: 'leadsquared_create_lead',
  displayName: 'LeadSquared Create Lead',
  description:
    'Creates a lead in LeadSquared from a name, email, phone, company, source and notes, plus any other fields by ' +
    'their schema names in attributes (e.g. {"mx_City": "Pune"}). LeadSquared refuses a second lead with the same ' +
    'email. Returns the new lead\'s id.',
  icon: 'UserPlus',
  category: 'integrations',
  integration: 'leadsquared',
  keywords: ['leadsquared', 'create lead', 'new lead', 'crm', 'prospect', 'sales'],
  inputSchema: z.object({
    first_name: z.string().max(200).optional(),
    last_name: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    phone: z.string().max(50).optional(),
    company: z.string().max(200).optional(),
    source: z.string().max(200).optional().describe('Lead source, e.g. "Website"'),
    notes: z.string().max(5_000).optional(),
    attributes: z.record(z.string().regex(/^[A-Za-z_][\w]*$/), z.string().max(5_000)).optional().describe('Other lead fields by schema name'),
  }),
  async execute(input, context) {
    const credential = await leadsquaredCredential(context);
    const attributes: Record<string, string> = { ...input.attributes };
    for (const [parameter, attribute] of Object.entries(namedAttributes)) {
      const value = input[parameter as keyof typeof namedAttributes];
      if (value) attributes[attribute] = value;
    }
    if (!attributes.EmailAddress && !attributes.Phone && !attributes.FirstName) {
      throw new ValidationError('Give at least an email, a phone or a first name for the new lead.');
    }
    const json = Object.entries(attributes).map(([Attribute, Value]) => ({ Attribute, Value }));
    const { data } = await leadsquaredCall<LeadsquaredWriteResult>(context, credential, { method: 'POST', path: 'LeadManagement.svc/Lead.Create', json });
    return { result: { created: data.Status === 'Success', leadId: data.Message?.Id, fields: Object.keys(attributes) } };
  },
});
