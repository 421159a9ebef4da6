import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { leadsquaredActivitiesTool } from './leadsquared-activities.tool.js';
import { leadsquaredContext, leadsquaredKeys, startLeadsquaredDouble } from './leadsquared.double.test-support.js';

let leadsquared: Awaited<ReturnType<typeof startLeadsquaredDouble>>;
beforeAll(async () => {
  leadsquared = await startLeadsquaredDouble();
});
afterAll(() => leadsquared.close());

describe('leadsquared_activities', () => {
  it('lists a lead\'s activities with Retrieve?leadId= and paging', async () => {
    const { result } = await runTool(leadsquaredActivitiesTool, { lead_id: 'p-1', limit: 10 }, leadsquaredContext(leadsquared.origin));
    expect(leadsquared.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/ProspectActivity.svc/Retrieve',
      query: { accessKey: leadsquaredKeys.access_key, secretKey: leadsquaredKeys.secret_key, leadId: 'p-1' },
      body: { Parameter: {}, Paging: { Offset: 0, RowCount: 10 } },
    });
    expect(result).toEqual({
      leadId: 'p-1',
      activities: [
        { id: 'a-2', event: 'Phone Call', eventCode: 21, score: 5, createdOn: '2025-01-03 11:00:00', note: 'Called about pricing' },
        { id: 'a-1', event: 'Email Opened', eventCode: 1, score: 1, createdOn: '2025-01-02 11:00:00' },
      ],
      count: 2,
      total: 2,
    });
  });

  it('creates an activity with the event code, note and time', async () => {
    const { result } = await runTool(leadsquaredActivitiesTool, { lead_id: 'p-1', action: 'create', activity_event: 201, note: 'Demo booked' }, leadsquaredContext(leadsquared.origin));
    expect(leadsquared.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/ProspectActivity.svc/Create',
      body: { RelatedProspectId: 'p-1', ActivityEvent: 201, ActivityNote: 'Demo booked', ActivityDateTime: '2025-03-01 12:30:00' },
    });
    expect(result).toEqual({ created: true, activityId: 'a-new', leadId: 'p-1', activityEvent: 201, time: '2025-03-01 12:30:00' });
  });

  it('needs the activity code to create, sending nothing without it', async () => {
    const before = leadsquared.requests.length;
    await expect(runTool(leadsquaredActivitiesTool, { lead_id: 'p-1', action: 'create' }, leadsquaredContext(leadsquared.origin))).rejects.toThrow('Give activity_event');
    expect(leadsquared.requests.length).toBe(before);
  });

  it('says the keys were refused on a 401', async () => {
    await expect(runTool(leadsquaredActivitiesTool, { lead_id: 'p-1' }, leadsquaredContext(leadsquared.origin, { ...leadsquaredKeys, access_key: 'no' }))).rejects.toThrow('LeadSquared refused the credential (401)');
  });
});
