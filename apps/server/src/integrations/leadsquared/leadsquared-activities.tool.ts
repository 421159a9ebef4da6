import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { leadsquaredCall, leadsquaredCredential, type LeadsquaredWriteResult } from './leadsquared-api.js';

interface Activity {
  Id?: string;
  EventCode?: number;
  EventName?: string;
  ActivityScore?: number;
  CreatedOn?: string;
  ActivityType?: number;
  Type?: string;
  Data?: Array<{ Key?: string; Value?: string }>;
}

/** Lists a lead's activities or posts one (`ProspectActivity.svc/Retrieve`, `ProspectActivity.svc/Create`). */
export const leadsquaredActivitiesTool = defineTool({
  name: 'leadsquared_activities',
  displayName: 'LeadSquared Activities',
  description:
    'Works with a LeadSquared lead\'s activity timeline. action "list" (default) returns its activities, newest ' +
    'first (optionally only one activity_event code), with each activity\'s id, event name and code, score, time ' +
    'and note; action "create" posts an activity of type activity_event with a note. lead_id is the ProspectID ' +
    'from leadsquared_leads.',
  icon: 'History',
  category: 'integrations',
  integration: 'leadsquared',
  keywords: ['leadsquared', 'activities', 'timeline', 'history', 'lead activity', 'crm', 'log call'],
  inputSchema: z.object({
    lead_id: z.string().min(1).max(100).describe('The lead\'s ProspectID'),
    action: z.enum(['list', 'create']).default('list'),
    activity_event: z.number().int().min(1).max(1_000_000).optional().describe('Activity type code (needed to create; filters the list)'),
    note: z.string().max(5_000).optional().describe('The activity note (create)'),
    activity_time: z.string().max(40).optional().describe('When it happened, "YYYY-MM-DD HH:mm:ss" UTC (create); default now'),
    limit: z.number().int().min(1).max(100).default(25).describe('Activities to list, at most 100'),
    offset: z.number().int().min(0).max(100_000).default(0),
  }),
  async execute(input, context) {
    const credential = await leadsquaredCredential(context);
    if (input.action === 'create') {
      if (input.activity_event === undefined) throw new ValidationError('Give activity_event (the activity type code) to create an activity.');
      const time = input.activity_time ?? context.now().toISOString().slice(0, 19).replace('T', ' ');
      const json = { RelatedProspectId: input.lead_id, ActivityEvent: input.activity_event, ActivityNote: input.note ?? '', ActivityDateTime: time };
      const { data } = await leadsquaredCall<LeadsquaredWriteResult>(context, credential, { method: 'POST', path: 'ProspectActivity.svc/Create', json });
      return { result: { created: data.Status === 'Success', activityId: data.Message?.Id, leadId: input.lead_id, activityEvent: input.activity_event, time } };
    }
    const json = {
      Parameter: input.activity_event === undefined ? {} : { ActivityEvent: input.activity_event },
      Paging: { Offset: input.offset, RowCount: input.limit },
    };
    const { data } = await leadsquaredCall<{ RecordCount?: number; ProspectActivities?: Activity[] }>(context, credential, {
      method: 'POST',
      path: 'ProspectActivity.svc/Retrieve',
      query: { leadId: input.lead_id },
      json,
    });
    const activities = (data.ProspectActivities ?? []).slice(0, input.limit).map((activity) => {
      const note = activity.Data?.find((entry) => entry.Key === 'NotableEventDescription' || entry.Key === 'ActivityEvent_Note')?.Value;
      return { id: activity.Id, event: activity.EventName, eventCode: activity.EventCode, score: activity.ActivityScore, createdOn: activity.CreatedOn, ...(note ? { note } : {}) };
    });
    return { result: { leadId: input.lead_id, activities, count: activities.length, total: data.RecordCount ?? activities.length } };
  },
});
