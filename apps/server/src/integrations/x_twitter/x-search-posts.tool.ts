import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { compactPost, postFields, usersById, xBearerToken, xGet, type XPost, type XUser } from './x-twitter-api.js';

/** Searches the last 7 days of posts (`GET /2/tweets/search/recent`, app Bearer token). */
export const xSearchPostsTool = defineTool({
  name: 'x_search_posts',
  displayName: 'X Search Posts',
  description:
    'Searches posts on X (Twitter) from the last 7 days with X\'s query syntax, e.g. "from:XDevelopers -is:retweet" ' +
    'or "#ai lang:en". Returns each post\'s id, text, author handle, time, metrics (likes, reposts, replies) and ' +
    'link, plus next_token to fetch more.',
  icon: 'Search',
  category: 'integrations',
  integration: 'x_twitter',
  keywords: ['x', 'twitter', 'tweets', 'posts', 'search', 'social', 'hashtag', 'mentions'],
  inputSchema: z.object({
    query: z.string().min(1).max(512).describe('X search query'),
    max_results: z.number().int().min(10).max(100).default(10).describe('Posts per page, 10 to 100'),
    sort_order: z.enum(['recency', 'relevancy']).default('recency'),
    next_token: z.string().max(200).optional().describe('The next_token of the previous page'),
  }),
  async execute(input, context) {
    const token = await xBearerToken(context);
    const { data } = await xGet<{ data?: XPost[]; includes?: { users?: XUser[] }; meta?: { result_count?: number; next_token?: string } }>(context, token, '/tweets/search/recent', {
      query: input.query,
      max_results: input.max_results,
      sort_order: input.sort_order,
      next_token: input.next_token,
      'tweet.fields': postFields,
      expansions: 'author_id',
      'user.fields': 'username,name,verified',
    });
    const users = usersById(data.includes);
    const posts = (data.data ?? []).map((post) => compactPost(post, users));
    return { result: { query: input.query, posts, count: posts.length, ...(data.meta?.next_token ? { nextToken: data.meta.next_token } : {}) } };
  },
});
