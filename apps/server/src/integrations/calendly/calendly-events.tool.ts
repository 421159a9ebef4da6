import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { calendlyApiBase, calendlyCurrentUser, calendlyRequest, calendlyToken, pageInput, uuidOf, type CalendlyPage } from './calendly-api.js';

interface ScheduledEvent {
  uri: string;
  name?: string;
  status?: string;
  start_time?: string;
  end_time?: string;
  event_type?: string;
  location?: { type?: string; location?: string | null; join_url?: string | null } | null;
  invitees_counter?: { total?: number; active?: number; limit?: number };
  created_at?: string;
}

export const calendlyEventsTool = defineTool({
  name: 'calendly_events',
  displayName: 'Calendly Events',
  description:
    'Lists the meetings booked with the connected Calendly user, optionally by status and start-time range ' +
    '(ISO 8601), sorted by start time. Returns each event\'s URI (for calendly_invitees), name, status, start and ' +
    'end, location or join link and invitee counts, plus next_page_token when more follow.',
  icon: 'Calendar',
  category: 'integrations',
  integration: 'calendly',
  keywords: ['calendly', 'events', 'meetings', 'schedule', 'calendar', 'bookings', 'appointments'],
  inputSchema: z.object({
    status: z.enum(['active', 'canceled']).optional().describe('Only active or only canceled events'),
    min_start_time: z.iso.datetime({ offset: true }).optional().describe('Events starting at or after this time (ISO 8601)'),
    max_start_time: z.iso.datetime({ offset: true }).optional().describe('Events starting before this time (ISO 8601)'),
    sort: z.enum(['start_time:asc', 'start_time:desc']).default('start_time:asc').describe('Order by start time'),
    ...pageInput,
  }),
  async execute(input, context) {
    const token = await calendlyToken(context);
    const user = await calendlyCurrentUser(context, token);
    const page = await calendlyRequest<CalendlyPage<ScheduledEvent>>(context, token, {
      url: `${calendlyApiBase}/scheduled_events`,
      query: {
        user: user.uri,
        status: input.status,
        min_start_time: input.min_start_time,
        max_start_time: input.max_start_time,
        sort: input.sort,
        count: input.count,
        page_token: input.page_token,
      },
    });
    return {
      result: {
        count: page.collection.length,
        events: page.collection.map((event) => ({
          uri: event.uri,
          id: uuidOf(event.uri),
          name: event.name ?? null,
          status: event.status ?? null,
          start_time: event.start_time ?? null,
          end_time: event.end_time ?? null,
          location: event.location?.join_url ?? event.location?.location ?? event.location?.type ?? null,
          invitees: event.invitees_counter ? { active: event.invitees_counter.active ?? 0, limit: event.invitees_counter.limit ?? null } : null,
          event_type: event.event_type ?? null,
        })),
        next_page_token: page.pagination?.next_page_token ?? null,
      },
    };
  },
});
