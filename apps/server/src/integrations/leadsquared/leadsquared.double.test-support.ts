import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';

export const leadsquaredKeys = { access_key: 'u$rtestaccess', secret_key: 'testsecret', host: 'api-in21.leadsquared.com' };

const leads = [
  { ProspectID: 'p-1', FirstName: 'Asha', LastName: 'Rao', EmailAddress: 'asha@example.com', Phone: '+91-9000000001', Source: 'Website', ProspectStage: 'Prospect', Score: '10', CreatedOn: '2025-01-02 10:00:00', mx_City: 'Pune', ProspectAutoId: '1' },
  { ProspectID: 'p-2', FirstName: 'Ravi', LastName: 'Kumar', EmailAddress: 'ravi@example.com', Phone: '', Source: 'Referral', ProspectStage: 'Customer', Score: '40', CreatedOn: '2025-01-01 09:00:00' },
];

function route(recorded: RecordedRequest, response: ServerResponse): void {
  const { method, path, query } = recorded;
  const body = recorded.body as Record<string, unknown> | Array<{ Attribute: string; Value: string }> | undefined;
  if (method === 'GET' && path === '/v2/LeadManagement.svc/LeadsMetaData.Get') {
    return sendJson(response, 200, [{ SchemaName: 'FirstName', DisplayName: 'First Name', DataType: 'String' }, { SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email' }]);
  }
  if (method === 'GET' && path === '/v2/LeadManagement.svc/Leads.GetById') return sendJson(response, 200, leads.filter((lead) => lead.ProspectID === query.id));
  if (method === 'GET' && path === '/v2/LeadManagement.svc/Leads.GetByEmailaddress') return sendJson(response, 200, leads.filter((lead) => lead.EmailAddress === query.emailaddress));
  if (method === 'GET' && path === '/v2/LeadManagement.svc/Leads.GetByQuickSearch') {
    return sendJson(response, 200, leads.filter((lead) => `${lead.FirstName} ${lead.LastName} ${lead.EmailAddress}`.toLowerCase().includes((query.key ?? '').toLowerCase())));
  }
  if (method === 'POST' && path === '/v2/LeadManagement.svc/Leads.Get') {
    const { Parameter, Paging } = body as { Parameter: { LookupName: string; LookupValue: string; SqlOperator: string }; Paging: { PageIndex: number; PageSize: number } };
    const matching = Parameter.LookupName === 'CreatedOn' ? leads : leads.filter((lead) => (lead as Record<string, unknown>)[Parameter.LookupName] === Parameter.LookupValue);
    return sendJson(response, 200, matching.slice((Paging.PageIndex - 1) * Paging.PageSize, Paging.PageIndex * Paging.PageSize));
  }
  if (method === 'POST' && path === '/v2/LeadManagement.svc/Lead.Create') {
    const attributes = body as Array<{ Attribute: string; Value: string }>;
    if (attributes.some((entry) => entry.Attribute === 'EmailAddress' && leads.some((lead) => lead.EmailAddress === entry.Value))) {
      return sendJson(response, 500, { Status: 'Error', ExceptionType: 'MXDuplicateEntryException', ExceptionMessage: 'A Lead with same Email already exists.' });
    }
    return sendJson(response, 200, { Status: 'Success', Message: { Id: 'p-new', AffectedRows: 1 } });
  }
  if (method === 'POST' && path === '/v2/ProspectActivity.svc/Retrieve') {
    const activities = query.leadId === 'p-1'
      ? [
        { Id: 'a-2', EventCode: 21, EventName: 'Phone Call', ActivityScore: 5, CreatedOn: '2025-01-03 11:00:00', ActivityType: 2, Type: 'Activity', Data: [{ Key: 'NotableEventDescription', Value: 'Called about pricing' }] },
        { Id: 'a-1', EventCode: 1, EventName: 'Email Opened', ActivityScore: 1, CreatedOn: '2025-01-02 11:00:00', ActivityType: 1, Type: 'Activity', Data: [] },
      ]
      : [];
    return sendJson(response, 200, { RecordCount: activities.length, ProspectActivities: activities });
  }
  if (method === 'POST' && path === '/v2/ProspectActivity.svc/Create') return sendJson(response, 200, { Status: 'Success', Message: { Id: 'a-new' } });
  sendJson(response, 404, { Status: 'Error', ExceptionType: 'MXNotFoundException', ExceptionMessage: 'Not found' });
}

/** A LeadSquared API v2 double: accessKey and secretKey query parameters checked (401 as LeadSquared words it). */
export function startLeadsquaredDouble() {
  return startServiceDouble({
    authorize: (recorded) =>
      recorded.query.accessKey === leadsquaredKeys.access_key && recorded.query.secretKey === leadsquaredKeys.secret_key
        ? null
        : { status: 401, body: { Status: 'Error', ExceptionType: 'MXUnAuthorizedAccessException', ExceptionMessage: 'Invalid Access Key or Secret Key' } },
    route,
    rateLimitBody: { Status: 'Error', ExceptionType: 'MXAPIRateLimitExceededException', ExceptionMessage: 'API calls exceeded the limit of 25 in 5 second(s)' },
  });
}

/** A tool context whose calls to the account's API host reach the double. */
export function leadsquaredContext(origin: string, values: Record<string, string> = leadsquaredKeys) {
  return createIntegrationTestContext({
    baseUrls: ['https://api-in21.leadsquared.com'],
    origin,
    credentials: { leadsquared: values },
    overrides: { now: () => new Date('2025-03-01T12:30:00Z') },
  });
}
