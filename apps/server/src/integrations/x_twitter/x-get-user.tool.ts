import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { cleanUsername, compactUser, userFields, xBearerToken, xGet, type XUser } from './x-twitter-api.js';

/** Looks up an X account by username or id (`GET /2/users/by/username/:username`, `GET /2/users/:id`). */
export const xGetUserTool = defineTool({
  name: 'x_get_user',
  displayName: 'X Get User',
  description:
    'Looks up an X (Twitter) account by username (@handle) or numeric id. Returns its id, name, bio, location, ' +
    'verification, creation date, follower/following/post counts and profile link.',
  icon: 'AtSign',
  category: 'integrations',
  integration: 'x_twitter',
  keywords: ['x', 'twitter', 'user', 'profile', 'account', 'followers', 'handle'],
  inputSchema: z.object({
    username: z.string().max(20).optional().describe('The @handle'),
    user_id: z.string().regex(/^\d{1,25}$/, 'user_id is numeric').optional().describe('The numeric user id'),
  }),
  async execute(input, context) {
    if (!input.username && !input.user_id) throw new ValidationError('Give a username or a user_id.');
    const path = input.user_id ? `/users/${input.user_id}` : `/users/by/username/${cleanUsername(input.username!)}`;
    const token = await xBearerToken(context);
    const { data } = await xGet<{ data?: XUser; errors?: Array<{ detail?: string }> }>(context, token, path, { 'user.fields': userFields });
    if (!data.data) throw new ValidationError(data.errors?.[0]?.detail ?? 'X found no such user.');
    return { result: compactUser(data.data) };
  },
});
