import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { gmail, runGmailAction } from './gmail-api.js';

/** Moves a Gmail message to the trash (Composio `GMAIL_MOVE_TO_TRASH`); Gmail deletes it for good after 30 days. */
export const gmailMoveToTrashTool = defineTool({
  name: 'gmail_move_to_trash',
  displayName: 'Trash Gmail Message',
  description:
    'Moves one email of the user\'s connected Gmail to the trash (recoverable for 30 days). Use it only when the ' +
    'user asks to delete that email. Returns the message id and its labels afterwards.',
  icon: 'Trash2',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'delete', 'trash', 'remove', 'bin', 'google'],
  inputSchema: z.object({
    message_id: z.string().trim().min(1).max(200).describe('The Gmail message id'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_MOVE_TO_TRASH', { message_id: input.message_id });
    const labels = data.labelIds;
    return { result: { trashed: true, message_id: input.message_id, labels: Array.isArray(labels) ? labels : null } };
  },
});
