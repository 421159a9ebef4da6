import { ValidationError } from '../../platform/errors/app-error.js';
import { defineIntegration, type IntegrationField } from '../define-integration.js';
import { xGetUserPostsTool } from './x-get-user-posts.tool.js';
import { xGetUserTool } from './x-get-user.tool.js';
import { xPostTweetTool } from './x-post-tweet.tool.js';
import { xSearchPostsTool } from './x-search-posts.tool.js';
import { xGet, xSigned, xUserKeys, type XUser } from './x-twitter-api.js';

const secret = (key: string, label: string, helpText: string): IntegrationField => ({ key, label, type: 'api_key', required: false, sensitive: true, helpText });

/** X (Twitter) API v2: reads with the app's Bearer token, posting in the user's context with OAuth 1.0a. */
export const xTwitterIntegration = defineIntegration({
  id: 'x_twitter',
  name: 'X (Twitter)',
  description: 'Search posts, look up accounts and their posts, and post on X.',
  icon: 'AtSign',
  category: 'social',
  docsUrl: 'https://docs.x.com/fundamentals/authentication/overview',
  fields: [
    { key: 'bearer_token', label: 'Bearer Token', type: 'api_key', required: true, placeholder: 'AAAA…', helpText: 'developer.x.com → your app → Keys and tokens → Bearer Token (reads).', sensitive: true },
    secret('api_key', 'API Key', 'Consumer key of the app; needed only to post.'),
    secret('api_secret', 'API Key Secret', 'Consumer secret of the app; needed only to post.'),
    secret('access_token', 'Access Token', 'Your account\'s access token (read and write); needed only to post.'),
    secret('access_token_secret', 'Access Token Secret', 'Needed only to post.'),
  ],
  tools: [xSearchPostsTool, xPostTweetTool, xGetUserTool, xGetUserPostsTool],
  async test(values, context) {
    const bearer = values.bearer_token?.trim();
    if (!bearer) throw new ValidationError('Give the X Bearer Token (bearer_token).');
    await xGet<{ data?: XUser }>(context, bearer, '/users/by/username/XDevelopers');
    const posting = ['api_key', 'api_secret', 'access_token', 'access_token_secret'].filter((key) => values[key]?.trim());
    if (posting.length === 0) return { message: 'Connected to X with the Bearer Token (reading only; add the OAuth 1.0a keys to post).' };
    const { data } = await xSigned<{ data?: XUser }>(context, xUserKeys(values), { method: 'GET', path: '/users/me' });
    return { message: `Connected to X; posts go out as @${data.data?.username ?? 'unknown'}.` };
  },
});
