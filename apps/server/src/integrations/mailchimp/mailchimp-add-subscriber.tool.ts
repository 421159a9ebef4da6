import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { mailchimp, mailchimpApi, mailchimpKey } from './mailchimp-api.js';

interface MailchimpMember {
  id: string;
  email_address: string;
  status: string;
  list_id: string;
  tags?: Array<{ name: string }>;
}

/** Adds a contact to an audience (`POST /3.0/lists/{list_id}/members`). */
export const mailchimpAddSubscriberTool = defineTool({
  name: 'mailchimp_add_subscriber',
  displayName: 'Mailchimp Add Subscriber',
  description:
    'Adds an email address to a Mailchimp audience (list_id from mailchimp_lists) with optional first/last name and ' +
    'tags. status "pending" sends a double opt-in confirmation instead of subscribing at once. Fails with ' +
    'Mailchimp\'s reason when the address is already a member. Returns the member id and status.',
  icon: 'UserPlus',
  category: 'integrations',
  integration: mailchimp.id,
  keywords: ['mailchimp', 'subscriber', 'add', 'email', 'list', 'audience', 'signup', 'newsletter', 'contact'],
  inputSchema: z.object({
    list_id: z.string().trim().regex(/^[A-Za-z0-9]{1,40}$/, 'Give the audience id from mailchimp_lists').describe('Audience (list) id'),
    email: z.email().describe('Subscriber email'),
    status: z.enum(['subscribed', 'pending', 'unsubscribed', 'transactional']).default('subscribed').describe('pending = double opt-in'),
    first_name: z.string().max(100).optional(),
    last_name: z.string().max(100).optional(),
    tags: z.array(z.string().max(100)).max(20).optional().describe('Tags to add'),
  }),
  async execute(input, context) {
    const key = await mailchimpKey(context);
    const mergeFields = { ...(input.first_name ? { FNAME: input.first_name } : {}), ...(input.last_name ? { LNAME: input.last_name } : {}) };
    const member = await mailchimpApi<MailchimpMember>(context, key, {
      method: 'POST',
      path: `/lists/${input.list_id}/members`,
      json: {
        email_address: input.email,
        status: input.status,
        ...(Object.keys(mergeFields).length ? { merge_fields: mergeFields } : {}),
        ...(input.tags?.length ? { tags: input.tags } : {}),
      },
    });
    return { result: { added: true, memberId: member.id, email: member.email_address, status: member.status, listId: member.list_id, ...(member.tags?.length ? { tags: member.tags.map((tag) => tag.name) } : {}) } };
  },
});
