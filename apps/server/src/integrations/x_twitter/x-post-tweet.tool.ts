import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { xCredential, xSigned, xUserKeys } from './x-twitter-api.js';

/** Publishes a post as the connected account (`POST /2/tweets`, OAuth 1.0a user context). */
export const xPostTweetTool = defineTool({
  name: 'x_post_tweet',
  displayName: 'X Post',
  description:
    'Publishes a post on X (Twitter) as the connected account, optionally as a reply to a post or quoting one. ' +
    'Posts are public: only use it when the user asked to post this text. Returns the new post\'s id and link. ' +
    'Needs the API key/secret and access token/secret in the credential.',
  icon: 'Send',
  category: 'integrations',
  integration: 'x_twitter',
  keywords: ['x', 'twitter', 'tweet', 'post', 'publish', 'reply', 'social'],
  inputSchema: z.object({
    text: z.string().min(1).max(4_000).describe('The post\'s text (280 characters on a standard account)'),
    reply_to_id: z.string().regex(/^\d{1,25}$/, 'reply_to_id is a post id').optional().describe('Reply to this post'),
    quote_tweet_id: z.string().regex(/^\d{1,25}$/, 'quote_tweet_id is a post id').optional().describe('Quote this post'),
  }),
  async execute(input, context) {
    const keys = xUserKeys(await xCredential(context));
    const json = {
      text: input.text,
      ...(input.reply_to_id ? { reply: { in_reply_to_tweet_id: input.reply_to_id } } : {}),
      ...(input.quote_tweet_id ? { quote_tweet_id: input.quote_tweet_id } : {}),
    };
    const { data } = await xSigned<{ data?: { id: string; text: string } }>(context, keys, { method: 'POST', path: '/tweets', json });
    const id = data.data?.id;
    return { result: { posted: Boolean(id), id, text: data.data?.text ?? input.text, url: id ? `https://x.com/i/web/status/${id}` : undefined } };
  },
});
