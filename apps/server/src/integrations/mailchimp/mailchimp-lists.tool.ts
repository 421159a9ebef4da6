import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { mailchimp, mailchimpApi, mailchimpKey } from './mailchimp-api.js';

interface MailchimpLists {
  total_items: number;
  lists: Array<{ id: string; name: string; date_created?: string; stats?: { member_count?: number; unsubscribe_count?: number; open_rate?: number } }>;
}

/** Lists the account's audiences (`GET /3.0/lists`, paged with count/offset). */
export const mailchimpListsTool = defineTool({
  name: 'mailchimp_lists',
  displayName: 'Mailchimp Lists',
  description:
    'Lists the audiences (lists) of the user\'s Mailchimp account with their ids and subscriber counts. Use it to ' +
    'find the list_id for mailchimp_add_subscriber or to report audience sizes.',
  icon: 'Users',
  category: 'integrations',
  integration: mailchimp.id,
  keywords: ['mailchimp', 'list', 'audience', 'subscribers', 'email', 'newsletter', 'marketing'],
  inputSchema: z.object({
    limit: z.number().int().min(1).max(100).default(25).describe('How many audiences (max 100)'),
    offset: z.number().int().min(0).default(0).describe('Skip this many (paging)'),
  }),
  async execute(input, context) {
    const key = await mailchimpKey(context);
    const data = await mailchimpApi<MailchimpLists>(context, key, {
      path: '/lists',
      query: { count: input.limit, offset: input.offset, fields: 'lists.id,lists.name,lists.date_created,lists.stats.member_count,lists.stats.unsubscribe_count,lists.stats.open_rate,total_items' },
    });
    const lists = data.lists.map((list) => ({
      id: list.id,
      name: list.name,
      members: list.stats?.member_count ?? 0,
      ...(list.stats?.unsubscribe_count !== undefined ? { unsubscribed: list.stats.unsubscribe_count } : {}),
      ...(list.stats?.open_rate !== undefined ? { openRate: list.stats.open_rate } : {}),
      ...(list.date_created ? { createdAt: list.date_created } : {}),
    }));
    return { result: { lists, count: lists.length, total: data.total_items, truncated: input.offset + lists.length < data.total_items } };
  },
});
