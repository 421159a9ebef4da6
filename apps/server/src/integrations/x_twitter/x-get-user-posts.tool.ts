import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { cleanUsername, compactPost, postFields, xBearerToken, xGet, type XPost, type XUser } from './x-twitter-api.js';

/** An account's recent posts (`GET /2/users/:id/tweets`; a username is resolved first). */
export const xGetUserPostsTool = defineTool({
  name: 'x_get_user_posts',
  displayName: 'X Get User Posts',
  description:
    'Returns the most recent posts of an X (Twitter) account, by username or id, newest first, optionally without ' +
    'replies and reposts. Each post has its id, text, time, metrics and link; pagination_token fetches older ones.',
  icon: 'List',
  category: 'integrations',
  integration: 'x_twitter',
  keywords: ['x', 'twitter', 'timeline', 'tweets', 'posts', 'user posts', 'recent'],
  inputSchema: z.object({
    username: z.string().max(20).optional().describe('The @handle'),
    user_id: z.string().regex(/^\d{1,25}$/, 'user_id is numeric').optional(),
    max_results: z.number().int().min(5).max(100).default(10).describe('Posts per page, 5 to 100'),
    exclude_replies: z.boolean().default(false),
    exclude_reposts: z.boolean().default(false),
    pagination_token: z.string().max(200).optional().describe('The nextToken of the previous page'),
  }),
  async execute(input, context) {
    if (!input.username && !input.user_id) throw new ValidationError('Give a username or a user_id.');
    const token = await xBearerToken(context);
    let user: XUser | undefined;
    if (!input.user_id) {
      const { data } = await xGet<{ data?: XUser; errors?: Array<{ detail?: string }> }>(context, token, `/users/by/username/${cleanUsername(input.username!)}`);
      if (!data.data) throw new ValidationError(data.errors?.[0]?.detail ?? 'X found no such user.');
      user = data.data;
    }
    const userId = input.user_id ?? user!.id;
    const exclude = [input.exclude_replies ? 'replies' : '', input.exclude_reposts ? 'retweets' : ''].filter(Boolean).join(',');
    const { data } = await xGet<{ data?: XPost[]; meta?: { next_token?: string } }>(context, token, `/users/${userId}/tweets`, {
      max_results: input.max_results,
      'tweet.fields': postFields,
      exclude: exclude || undefined,
      pagination_token: input.pagination_token,
    });
    const users = new Map(user ? [[user.id, user]] : []);
    const posts = (data.data ?? []).map((post) => compactPost({ ...post, author_id: post.author_id ?? userId }, users));
    return { result: { userId, ...(user?.username ? { username: user.username } : {}), posts, count: posts.length, ...(data.meta?.next_token ? { nextToken: data.meta.next_token } : {}) } };
  },
});
