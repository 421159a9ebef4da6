import { defineCrmObjectTool } from './hubspot-api.js';

/** HubSpot contacts: list, search, create (`/crm/v3/objects/contacts`). */
export const hubspotContactsTool = defineCrmObjectTool({
  toolName: 'hubspot_contacts',
  displayName: 'HubSpot Contacts',
  objectType: 'contacts',
  noun: 'contact',
  icon: 'Contact',
  keywords: ['contacts', 'leads', 'people', 'customers', 'email'],
  properties: ['email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage'],
  createFields: {
    email: 'Email address (needed to create)',
    firstname: 'First name',
    lastname: 'Last name',
    phone: 'Phone number',
    company: 'Company name',
    jobtitle: 'Job title',
  },
  requiredOnCreate: 'email',
});
