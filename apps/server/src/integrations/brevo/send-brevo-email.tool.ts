import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { addressListSchema, parseRecipients } from '../email-addresses.js';
import { requireCredential } from '../require-credential.js';
import { brevo } from './brevo-api.js';

const attachmentSchema = z.object({
  content: z.string().min(1).max(14_000_000).describe('File content, base64'),
  name: z.string().min(1).max(255).describe('File name with its extension (Brevo allows common document and image types)'),
});

/** Sends a transactional email with Brevo (`POST https://api.brevo.com/v3/smtp/email`, `api-key` header). */
export const sendBrevoEmailTool = defineTool({
  name: 'send_brevo_email',
  displayName: 'Send Brevo Email',
  description:
    'Sends a transactional email through the user\'s Brevo (Sendinblue) account: to (one address, several ' +
    'comma-separated or a list), subject, html_content and/or text_content, optional cc, bcc, reply_to, tags and ' +
    'base64 attachments. The sender defaults to the credential\'s from_email/from_name (a verified Brevo sender). ' +
    'Returns Brevo\'s message id.',
  icon: 'Mail',
  category: 'integrations',
  integration: brevo.id,
  keywords: ['email', 'brevo', 'sendinblue', 'send', 'mail', 'transactional', 'notify'],
  inputSchema: z.object({
    to: addressListSchema.describe('Recipient address(es)'),
    subject: z.string().trim().min(1, 'Give a subject').max(998),
    html_content: z.string().max(2_000_000).optional().describe('HTML body'),
    text_content: z.string().max(1_000_000).optional().describe('Plain-text body'),
    from_email: z.email().optional().describe('Sender (a verified Brevo sender); default: the credential\'s'),
    from_name: z.string().max(200).optional().describe('Sender name; default: the credential\'s'),
    cc: addressListSchema.optional(),
    bcc: addressListSchema.optional(),
    reply_to: z.email().optional(),
    tags: z.array(z.string().max(100)).max(10).optional().describe('Tags for Brevo statistics'),
    attachments: z.array(attachmentSchema).max(10).optional(),
  }),
  async execute(input, context) {
    if (!input.text_content?.trim() && !input.html_content?.trim()) throw new ValidationError('Give html_content or text_content.');
    const { to, cc, bcc } = parseRecipients(input);
    const values = await requireCredential(context, brevo, ['api_key']);
    const fromEmail = input.from_email ?? values.from_email?.trim();
    if (!fromEmail) throw new ValidationError('Give from_email, or set a default From Email in the Brevo credential.');
    const fromName = input.from_name ?? values.from_name?.trim();
    const list = (addresses: string[]) => addresses.map((email) => ({ email }));
    const { data } = await callService<{ messageId?: string; messageIds?: string[] }>(context, {
      service: 'Brevo',
      method: 'POST',
      url: 'https://api.brevo.com/v3/smtp/email',
      headers: { 'api-key': values.api_key!.trim() },
      json: {
        sender: { email: fromEmail, ...(fromName ? { name: fromName } : {}) },
        to: list(to),
        ...(cc.length ? { cc: list(cc) } : {}),
        ...(bcc.length ? { bcc: list(bcc) } : {}),
        ...(input.reply_to ? { replyTo: { email: input.reply_to } } : {}),
        subject: input.subject,
        ...(input.html_content?.trim() ? { htmlContent: input.html_content } : {}),
        ...(input.text_content?.trim() ? { textContent: input.text_content } : {}),
        ...(input.tags?.length ? { tags: input.tags } : {}),
        ...(input.attachments?.length ? { attachment: input.attachments.map((file) => ({ content: file.content.replace(/\s+/g, ''), name: file.name })) } : {}),
      },
    });
    return {
      result: {
        sent: true,
        messageId: data?.messageId ?? data?.messageIds?.[0],
        to,
        ...(cc.length ? { cc } : {}),
        ...(bcc.length ? { bccCount: bcc.length } : {}),
        from: fromEmail,
        subject: input.subject,
      },
    };
  },
});
