import { defineCrmObjectTool } from './hubspot-api.js';

/** HubSpot deals: list, search, create (`/crm/v3/objects/deals`). */
export const hubspotDealsTool = defineCrmObjectTool({
  toolName: 'hubspot_deals',
  displayName: 'HubSpot Deals',
  objectType: 'deals',
  noun: 'deal',
  icon: 'Handshake',
  keywords: ['deals', 'pipeline', 'sales', 'opportunities', 'revenue'],
  properties: ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate'],
  createFields: {
    dealname: 'Deal name (needed to create)',
    amount: 'Amount, as a number',
    dealstage: 'Deal stage id (e.g. appointmentscheduled)',
    pipeline: 'Pipeline id (e.g. default)',
    closedate: 'Expected close date, ISO 8601',
  },
  requiredOnCreate: 'dealname',
});
