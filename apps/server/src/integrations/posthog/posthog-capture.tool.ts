import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { checkedTimestamp, posthogCapture, posthogCredential } from './posthog-api.js';

/** Captures one event in PostHog (`POST <host>/i/v0/e/`). */
export const posthogCaptureTool = defineTool({
  name: 'posthog_capture',
  displayName: 'PostHog Capture Event',
  description:
    'Records an event in the connected PostHog project: its name, the user it belongs to (distinct_id), properties ' +
    'and optionally when it happened. Use "$pageview" for page views. Returns whether PostHog accepted it.',
  icon: 'Activity',
  category: 'integrations',
  integration: 'posthog',
  keywords: ['posthog', 'analytics', 'capture', 'event', 'track', 'product analytics'],
  inputSchema: z.object({
    event: z.string().min(1).max(200).describe('Event name, e.g. "user_signed_up" or "$pageview"'),
    distinct_id: z.string().min(1).max(200).describe('The user\'s id'),
    properties: z.record(z.string(), z.unknown()).optional().describe('Event properties, e.g. {"plan": "pro"}'),
    timestamp: z.string().max(40).optional().describe('When it happened (ISO 8601); default now'),
  }),
  async execute(input, context) {
    const credential = await posthogCredential(context);
    const timestamp = checkedTimestamp(input.timestamp);
    await posthogCapture(context, credential, { event: input.event, distinctId: input.distinct_id, properties: { ...input.properties }, ...(timestamp ? { timestamp } : {}) });
    return { result: { captured: true, event: input.event, distinctId: input.distinct_id, ...(timestamp ? { timestamp } : {}) } };
  },
});
