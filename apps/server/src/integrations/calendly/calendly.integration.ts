import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { calendlyCurrentUser, calendlyOwner } from './calendly-api.js';
import { calendlyEventTypesTool } from './calendly-event-types.tool.js';
import { calendlyEventsTool } from './calendly-events.tool.js';
import { calendlyInviteesTool } from './calendly-invitees.tool.js';

/** Calendly: booked meetings, event types and invitees through a personal access token (reference §4.3). */
export const calendlyIntegration = defineIntegration({
  id: 'calendly',
  name: 'Calendly',
  description: 'Read scheduled meetings, event types and invitees from Calendly.',
  icon: 'Calendar',
  category: 'productivity',
  docsUrl: 'https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens',
  fields: [
    {
      key: 'api_key',
      label: 'Personal access token',
      type: 'api_key',
      required: true,
      sensitive: true,
      helpText: 'Calendly → Integrations & apps → API and webhooks → Personal access tokens.',
    },
  ],
  tools: [calendlyEventsTool, calendlyEventTypesTool, calendlyInviteesTool],
  /** The token's user (GET /users/me): the cheapest call that proves the token works. */
  async test(values, context) {
    const token = requireValues(values, calendlyOwner, ['api_key']).api_key!.trim();
    const user = await calendlyCurrentUser(context, token);
    const who = user.name && user.email ? `${user.name} (${user.email})` : (user.name ?? user.email ?? user.uri);
    return { message: `Connected to Calendly as ${who}.`, details: { userUri: user.uri } };
  },
});
