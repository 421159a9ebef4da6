import { defineIntegration } from '../define-integration.js';
import { composioEntityField, pick, testComposioConnection } from '../composio/composio-tool.js';
import { gmail } from './gmail-api.js';
import { gmailAddLabelTool } from './gmail-add-label.tool.js';
import { gmailCreateDraftTool } from './gmail-create-draft.tool.js';
import { gmailFetchEmailsTool } from './gmail-fetch-emails.tool.js';
import { gmailGetMessageTool } from './gmail-get-message.tool.js';
import { gmailListDraftsTool } from './gmail-list-drafts.tool.js';
import { gmailListLabelsTool } from './gmail-list-labels.tool.js';
import { gmailMoveToTrashTool } from './gmail-move-to-trash.tool.js';
import { gmailReplyToThreadTool } from './gmail-reply-to-thread.tool.js';
import { gmailSendDraftTool } from './gmail-send-draft.tool.js';
import { gmailSendEmailTool } from './gmail-send-email.tool.js';

/**
 * Gmail through Composio: the user connects with Google's OAuth on Composio's hosted page (the Credentials page →
 * Connect Gmail), and the credential holds only the Composio entity the account is stored under. Offered only when
 * the instance has `COMPOSIO_API_KEY`. The credential test reads the Gmail profile (`GMAIL_GET_PROFILE`).
 */
export const composioGmailIntegration = defineIntegration({
  id: gmail.id,
  name: 'Gmail',
  description: 'Send, read, draft and organise email in your Gmail account (connected through Composio).',
  icon: 'Mail',
  category: 'communication',
  docsUrl: 'https://docs.composio.dev/toolkits/gmail',
  requiresInstanceConfig: 'composio',
  fields: [composioEntityField('Gmail')],
  tools: [
    gmailSendEmailTool, gmailFetchEmailsTool, gmailGetMessageTool, gmailReplyToThreadTool, gmailCreateDraftTool,
    gmailSendDraftTool, gmailListDraftsTool, gmailAddLabelTool, gmailListLabelsTool, gmailMoveToTrashTool,
  ],
  async test(values, context) {
    const profile = await testComposioConnection(values, context, gmail, 'GMAIL_GET_PROFILE', { user_id: 'me' });
    const email = pick(profile, 'emailAddress', 'email_address');
    return typeof email === 'string'
      ? { message: `Connected to Gmail as ${email}.`, details: { email, messagesTotal: pick(profile, 'messagesTotal') ?? null } }
      : { message: 'Connected to Gmail.' };
  },
});
