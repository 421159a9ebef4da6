import { defineCrmObjectTool } from './hubspot-api.js';

/** HubSpot companies: list, search, create (`/crm/v3/objects/companies`). */
export const hubspotCompaniesTool = defineCrmObjectTool({
  toolName: 'hubspot_companies',
  displayName: 'HubSpot Companies',
  objectType: 'companies',
  noun: 'company',
  icon: 'Building2',
  keywords: ['companies', 'accounts', 'organisations', 'businesses'],
  properties: ['name', 'domain', 'industry', 'phone', 'city', 'country'],
  createFields: {
    name: 'Company name (needed to create)',
    domain: 'Website domain (example.com)',
    industry: 'Industry',
    phone: 'Phone number',
    city: 'City',
    country: 'Country',
  },
  requiredOnCreate: 'name',
});
