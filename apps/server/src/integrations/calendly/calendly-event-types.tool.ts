import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { calendlyApiBase, calendlyCurrentUser, calendlyRequest, calendlyToken, pageInput, type CalendlyPage } from './calendly-api.js';

interface EventType {
  uri: string;
  name?: string;
  active?: boolean;
  slug?: string | null;
  scheduling_url?: string;
  duration?: number;
  kind?: string;
  description_plain?: string | null;
}

export const calendlyEventTypesTool = defineTool({
  name: 'calendly_event_types',
  displayName: 'Calendly Event Types',
  description:
    'Lists the connected Calendly user\'s event types (the kinds of meeting people can book). Returns each one\'s ' +
    'name, duration in minutes, booking link (scheduling_url), whether it is active, and its URI.',
  icon: 'CalendarClock',
  category: 'integrations',
  integration: 'calendly',
  keywords: ['calendly', 'event', 'types', 'scheduling', 'links', 'booking', 'meeting'],
  inputSchema: z.object({
    active: z.boolean().optional().describe('Only active (true) or only inactive (false) event types'),
    ...pageInput,
  }),
  async execute(input, context) {
    const token = await calendlyToken(context);
    const user = await calendlyCurrentUser(context, token);
    const page = await calendlyRequest<CalendlyPage<EventType>>(context, token, {
      url: `${calendlyApiBase}/event_types`,
      query: { user: user.uri, active: input.active, count: input.count, page_token: input.page_token },
    });
    return {
      result: {
        count: page.collection.length,
        event_types: page.collection.map((type) => ({
          uri: type.uri,
          name: type.name ?? null,
          duration_minutes: type.duration ?? null,
          scheduling_url: type.scheduling_url ?? null,
          active: type.active ?? null,
          kind: type.kind ?? null,
          ...(type.description_plain ? { description: type.description_plain.slice(0, 500) } : {}),
        })),
        next_page_token: page.pagination?.next_page_token ?? null,
      },
    };
  },
});
