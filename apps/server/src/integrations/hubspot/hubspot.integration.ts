import { ValidationError } from '../../platform/errors/app-error.js';
import { defineIntegration } from '../define-integration.js';
import { hubspotCall } from './hubspot-api.js';
import { hubspotCompaniesTool } from './hubspot-companies.tool.js';
import { hubspotContactsTool } from './hubspot-contacts.tool.js';
import { hubspotDealsTool } from './hubspot-deals.tool.js';

/** HubSpot CRM through a private app's access token (reference §4.3). */
export const hubspotIntegration = defineIntegration({
  id: 'hubspot',
  name: 'HubSpot',
  description: 'Read and create contacts, deals and companies in your HubSpot CRM.',
  icon: 'Users',
  category: 'crm',
  docsUrl: 'https://developers.hubspot.com/docs/api/private-apps',
  fields: [
    {
      key: 'access_token',
      label: 'Private App Access Token',
      type: 'api_key',
      required: true,
      placeholder: 'pat-na1-…',
      helpText: 'HubSpot → Settings → Integrations → Private Apps; give it the CRM scopes for contacts, deals and companies.',
      sensitive: true,
    },
  ],
  tools: [hubspotContactsTool, hubspotDealsTool, hubspotCompaniesTool],
  async test(values, context) {
    const token = values.access_token?.trim();
    if (!token) throw new ValidationError('Give the HubSpot private app access token (access_token).');
    const { data } = await hubspotCall<{ results?: unknown[] }>(context, token, { path: '/crm/v3/objects/contacts', query: { limit: 1 } });
    const seen = data.results?.length ? 'and can read its contacts' : 'and can read contacts (none yet)';
    return { message: `Connected to HubSpot ${seen}.` };
  },
});
