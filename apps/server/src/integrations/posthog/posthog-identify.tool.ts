import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { posthogCapture, posthogCredential } from './posthog-api.js';

/** Identifies a person in PostHog: an `$identify` event carrying `$set` / `$set_once` (PostHog's capture API). */
export const posthogIdentifyTool = defineTool({
  name: 'posthog_identify',
  displayName: 'PostHog Identify',
  description:
    'Sets properties on a person in the connected PostHog project (email, name, plan…) by sending an $identify ' +
    'event; set_once properties are kept if already set. With anonymous_id, the anonymous visitor\'s events are ' +
    'merged into this person. Returns whether PostHog accepted it.',
  icon: 'UserCheck',
  category: 'integrations',
  integration: 'posthog',
  keywords: ['posthog', 'identify', 'person', 'user', 'properties', 'profile', 'analytics'],
  inputSchema: z.object({
    distinct_id: z.string().min(1).max(200).describe('The person\'s id'),
    properties: z.record(z.string(), z.unknown()).optional().describe('Person properties to set, e.g. {"email": "ada@example.com"}'),
    set_once: z.record(z.string(), z.unknown()).optional().describe('Person properties set only if not set yet'),
    anonymous_id: z.string().max(200).optional().describe('The anonymous distinct id to merge into this person'),
  }),
  async execute(input, context) {
    const credential = await posthogCredential(context);
    const properties = {
      ...(input.properties ? { $set: input.properties } : {}),
      ...(input.set_once ? { $set_once: input.set_once } : {}),
      ...(input.anonymous_id ? { $anon_distinct_id: input.anonymous_id } : {}),
    };
    await posthogCapture(context, credential, { event: '$identify', distinctId: input.distinct_id, properties });
    return {
      result: {
        identified: true,
        distinctId: input.distinct_id,
        set: Object.keys(input.properties ?? {}),
        setOnce: Object.keys(input.set_once ?? {}),
        ...(input.anonymous_id ? { mergedAnonymousId: input.anonymous_id } : {}),
      },
    };
  },
});
