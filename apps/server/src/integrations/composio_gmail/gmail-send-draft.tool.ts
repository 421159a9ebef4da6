import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { gmail, runGmailAction, sentIds } from './gmail-api.js';

/** Sends a saved Gmail draft (Composio `GMAIL_SEND_DRAFT`). */
export const gmailSendDraftTool = defineTool({
  name: 'gmail_send_draft',
  displayName: 'Send Gmail Draft',
  description:
    'Sends a draft saved in the user\'s connected Gmail (from gmail_create_draft or gmail_list_drafts) to its ' +
    'recipients. Returns the sent message\'s id and thread id.',
  icon: 'Send',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'draft', 'send', 'mail', 'google'],
  inputSchema: z.object({
    draft_id: z.string().trim().min(1).max(200).describe('The draft id'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_SEND_DRAFT', { draft_id: input.draft_id });
    return { result: { sent: true, draft_id: input.draft_id, ...sentIds(data) } };
  },
});
