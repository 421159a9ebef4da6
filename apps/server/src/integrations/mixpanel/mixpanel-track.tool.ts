import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { mixpanelIngest, mixpanelProjectToken } from './mixpanel-api.js';

/** Sends one event to Mixpanel (`POST https://api.mixpanel.com/track`). */
export const mixpanelTrackTool = defineTool({
  name: 'mixpanel_track',
  displayName: 'Mixpanel Track Event',
  description:
    'Records an event in the connected Mixpanel project: its name, the user it belongs to (distinct_id) and any ' +
    'properties. Mixpanel\'s /track accepts events up to 5 days old (time). Returns whether Mixpanel accepted it and ' +
    'the event\'s insert id (which makes a retry idempotent).',
  icon: 'BarChart3',
  category: 'integrations',
  integration: 'mixpanel',
  keywords: ['mixpanel', 'analytics', 'track', 'event', 'metrics', 'product analytics'],
  inputSchema: z.object({
    event: z.string().min(1).max(255).describe('Event name, e.g. "Signed Up"'),
    distinct_id: z.string().max(255).optional().describe('The user\'s id; omit for an anonymous event'),
    properties: z.record(z.string(), z.unknown()).optional().describe('Event properties, e.g. {"plan": "pro"}'),
    time: z.string().max(40).optional().describe('When it happened (ISO 8601); default now'),
    insert_id: z.string().max(36).optional().describe('A unique id for de-duplication; generated when omitted'),
  }),
  async execute(input, context) {
    const token = await mixpanelProjectToken(context);
    const time = input.time ? Date.parse(input.time) : context.now().getTime();
    if (Number.isNaN(time)) throw new ValidationError('time must be an ISO 8601 date and time, like 2025-01-31T09:30:00Z.');
    const insertId = input.insert_id ?? randomUUID().replaceAll('-', '');
    const properties = {
      ...input.properties,
      token,
      time,
      $insert_id: insertId,
      ...(input.distinct_id ? { distinct_id: input.distinct_id } : {}),
    };
    await mixpanelIngest(context, '/track', [{ event: input.event, properties }]);
    return { result: { tracked: true, event: input.event, distinctId: input.distinct_id, insertId, time: new Date(time).toISOString() } };
  },
});
