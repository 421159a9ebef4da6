import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { calendlyApiBase, calendlyRequest, calendlyToken, pageInput, type CalendlyPage } from './calendly-api.js';

interface Invitee {
  uri: string;
  name?: string;
  email?: string;
  status?: string;
  timezone?: string | null;
  created_at?: string;
  no_show?: unknown;
  questions_and_answers?: Array<{ question: string; answer: string }>;
}

/**
 * The event's id from its URI (`https://api.calendly.com/scheduled_events/<uuid>`) or the bare id. The request
 * is always built on Calendly's own address: a URI naming another host is refused, not fetched with the token.
 */
function eventUuid(eventUri: string): string {
  const value = eventUri.trim();
  const bare = /^[A-Za-z0-9-]{8,64}$/;
  if (bare.test(value)) return value;
  const match = /^https:\/\/api\.calendly\.com\/scheduled_events\/([A-Za-z0-9-]{8,64})\/?$/.exec(value);
  if (!match) throw new ValidationError('event_uri must be a Calendly scheduled event URI (https://api.calendly.com/scheduled_events/…) or its id.');
  return match[1]!;
}

export const calendlyInviteesTool = defineTool({
  name: 'calendly_invitees',
  displayName: 'Calendly Invitees',
  description:
    'Lists the people booked into one Calendly event (give the event\'s uri from calendly_events). Returns each ' +
    'invitee\'s name, email, status, time zone and answers to the booking questions.',
  icon: 'Users',
  category: 'integrations',
  integration: 'calendly',
  keywords: ['calendly', 'invitees', 'attendees', 'participants', 'guests', 'booking'],
  inputSchema: z.object({
    event_uri: z.string().min(1).max(300).describe('The scheduled event\'s URI (or its id)'),
    status: z.enum(['active', 'canceled']).optional().describe('Only active or only canceled invitees'),
    ...pageInput,
  }),
  async execute(input, context) {
    const uuid = eventUuid(input.event_uri);
    const token = await calendlyToken(context);
    const page = await calendlyRequest<CalendlyPage<Invitee>>(context, token, {
      url: `${calendlyApiBase}/scheduled_events/${uuid}/invitees`,
      query: { status: input.status, count: input.count, page_token: input.page_token },
    });
    return {
      result: {
        event_uri: `${calendlyApiBase}/scheduled_events/${uuid}`,
        count: page.collection.length,
        invitees: page.collection.map((invitee) => ({
          name: invitee.name ?? null,
          email: invitee.email ?? null,
          status: invitee.status ?? null,
          timezone: invitee.timezone ?? null,
          booked_at: invitee.created_at ?? null,
          ...(invitee.no_show ? { no_show: true } : {}),
          answers: (invitee.questions_and_answers ?? []).map((entry) => ({ question: entry.question, answer: entry.answer })),
        })),
        next_page_token: page.pagination?.next_page_token ?? null,
      },
    };
  },
});
