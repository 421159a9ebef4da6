import { defineIntegration } from '../define-integration.js';
import { leadsquaredActivitiesTool } from './leadsquared-activities.tool.js';
import { leadsquaredCall, leadsquaredCredentialOf, validateLeadsquaredHost } from './leadsquared-api.js';
import { leadsquaredCreateLeadTool } from './leadsquared-create-lead.tool.js';
import { leadsquaredLeadsTool } from './leadsquared-leads.tool.js';

/** LeadSquared CRM through the access/secret key pair of an API user (reference §4.3). */
export const leadsquaredIntegration = defineIntegration({
  id: 'leadsquared',
  name: 'LeadSquared',
  description: 'Find and create leads and read or log their activities in LeadSquared.',
  icon: 'Target',
  category: 'crm',
  docsUrl: 'https://apidocs.leadsquared.com/',
  fields: [
    { key: 'access_key', label: 'Access Key', type: 'api_key', required: true, placeholder: 'u$r…', helpText: 'LeadSquared → Settings → API and Webhooks → Access Keys.', sensitive: true },
    { key: 'secret_key', label: 'Secret Key', type: 'api_key', required: true, placeholder: 'Secret key', helpText: 'Shown next to the access key.', sensitive: true },
    {
      key: 'host',
      label: 'API Host',
      type: 'text',
      required: true,
      placeholder: 'api-in21.leadsquared.com',
      helpText: 'The API host of your account\'s region, shown on the same page.',
      sensitive: false,
      validate: validateLeadsquaredHost,
    },
  ],
  tools: [leadsquaredLeadsTool, leadsquaredCreateLeadTool, leadsquaredActivitiesTool],
  async test(values, context) {
    const credential = leadsquaredCredentialOf(values);
    const { data } = await leadsquaredCall<unknown[]>(context, credential, { path: 'LeadManagement.svc/LeadsMetaData.Get' });
    return { message: `Connected to LeadSquared at ${credential.host} (${Array.isArray(data) ? data.length : 0} lead fields).` };
  },
});
