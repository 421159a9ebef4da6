import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { pick } from '../composio/composio-tool.js';
import { gmail, runGmailAction } from './gmail-api.js';

const labelIds = z.array(z.string().trim().min(1).max(200)).max(50);

/** Adds (and removes) labels on a Gmail message (Composio `GMAIL_ADD_LABEL_TO_EMAIL`). */
export const gmailAddLabelTool = defineTool({
  name: 'gmail_add_label',
  displayName: 'Label Gmail Message',
  description:
    'Adds labels to (and optionally removes labels from) one email in the user\'s connected Gmail. Label ids come ' +
    'from gmail_list_labels; system ids include STARRED, IMPORTANT, UNREAD, INBOX (remove INBOX to archive, remove ' +
    'UNREAD to mark read). Returns the message\'s labels afterwards.',
  icon: 'Tag',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'label', 'tag', 'star', 'archive', 'read', 'unread', 'organize', 'google'],
  inputSchema: z.object({
    message_id: z.string().trim().min(1).max(200).describe('The Gmail message id'),
    add_label_ids: labelIds.optional().describe('Label ids to add'),
    remove_label_ids: labelIds.optional().describe('Label ids to remove'),
  }),
  async execute(input, context) {
    if (!input.add_label_ids?.length && !input.remove_label_ids?.length) throw new ValidationError('Give add_label_ids or remove_label_ids.');
    const data = await runGmailAction(context, 'GMAIL_ADD_LABEL_TO_EMAIL', {
      message_id: input.message_id, add_label_ids: input.add_label_ids ?? [], remove_label_ids: input.remove_label_ids ?? [],
    });
    const labels = pick(data, 'labelIds');
    return { result: { message_id: input.message_id, labels: Array.isArray(labels) ? labels : null } };
  },
});
