import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { mixpanelIngest, mixpanelProjectToken } from './mixpanel-api.js';

const operations = { set: '$set', set_once: '$set_once', add: '$add', append: '$append', union: '$union', unset: '$unset' } as const;

/** Updates a Mixpanel user profile (`POST https://api.mixpanel.com/engage`). */
export const mixpanelUserProfileTool = defineTool({
  name: 'mixpanel_user_profile',
  displayName: 'Mixpanel User Profile',
  description:
    'Creates or updates a user profile in the connected Mixpanel project. operation "set" (default) sets properties ' +
    '(e.g. {"$email": "ada@example.com", "$name": "Ada", "plan": "pro"}), "set_once" only where not set yet, "add" ' +
    'increments numbers, "append"/"union" add to list properties, "unset" removes the named properties (give them ' +
    'as keys with any value). Profiles are never deleted. Returns whether Mixpanel accepted the update.',
  icon: 'UserCog',
  category: 'integrations',
  integration: 'mixpanel',
  keywords: ['mixpanel', 'profile', 'user', 'people', 'engage', 'properties', 'analytics'],
  inputSchema: z.object({
    distinct_id: z.string().min(1).max(255).describe('The user\'s id'),
    operation: z.enum(['set', 'set_once', 'add', 'append', 'union', 'unset']).default('set'),
    properties: z.record(z.string(), z.unknown()).describe('The profile properties to change'),
    ip: z.string().max(45).optional().describe('The user\'s IP, for geolocation; Mixpanel does not geolocate otherwise'),
  }),
  async execute(input, context) {
    const token = await mixpanelProjectToken(context);
    const names = Object.keys(input.properties);
    if (names.length === 0) throw new ValidationError('Give at least one profile property.');
    if (input.operation === 'add' && names.some((name) => typeof input.properties[name] !== 'number')) {
      throw new ValidationError('"add" increments numbers: every property value must be a number.');
    }
    const operation = operations[input.operation];
    const value = input.operation === 'unset' ? names : input.properties;
    const update = { $token: token, $distinct_id: input.distinct_id, [operation]: value, $ip: input.ip ?? '0' };
    await mixpanelIngest(context, '/engage', [update]);
    return { result: { updated: true, distinctId: input.distinct_id, operation: input.operation, properties: names } };
  },
});
