import { z } from 'zod';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { addressListSchema, parseRecipients } from '../email-addresses.js';
import { requireCredential } from '../require-credential.js';
import { createSmtpTransport, smtp, smtpError, smtpRequiredFields, smtpSettings, withTransport } from './smtp-api.js';

const attachmentSchema = z.object({
  content: z.string().min(1).max(14_000_000).describe('File content, base64'),
  filename: z.string().min(1).max(255),
  type: z.string().max(100).optional().describe('MIME type, e.g. application/pdf'),
});

/** Sends an email through the user's own SMTP server (nodemailer), e.g. their mail provider or company relay. */
export const sendEmailSmtpTool = defineTool({
  name: 'send_email_smtp',
  displayName: 'Send Email (SMTP)',
  description:
    'Sends an email through the user\'s own SMTP server (Gmail/Outlook app password, company relay, any mail ' +
    'provider): to (one address, several comma-separated or a list), subject, text_content and/or html_content, ' +
    'optional cc, bcc, reply_to and base64 attachments. The sender is the credential\'s from_email. Returns the ' +
    'message id and which recipients the server accepted.',
  icon: 'Mail',
  category: 'integrations',
  integration: smtp.id,
  keywords: ['email', 'smtp', 'send', 'mail', 'gmail', 'outlook', 'relay', 'attachment', 'notify'],
  inputSchema: z.object({
    to: addressListSchema.describe('Recipient address(es)'),
    subject: z.string().trim().min(1, 'Give a subject').max(998),
    text_content: z.string().max(1_000_000).optional().describe('Plain-text body'),
    html_content: z.string().max(2_000_000).optional().describe('HTML body'),
    cc: addressListSchema.optional(),
    bcc: addressListSchema.optional(),
    reply_to: z.email().optional(),
    from_name: z.string().max(200).optional().describe('Sender display name; default: the credential\'s'),
    attachments: z.array(attachmentSchema).max(10).optional(),
  }),
  async execute(input, context) {
    if (!input.text_content?.trim() && !input.html_content?.trim()) throw new ValidationError('Give text_content or html_content.');
    const { to, cc, bcc } = parseRecipients(input);
    const values = await requireCredential(context, smtp, smtpRequiredFields);
    const settings = smtpSettings(values);
    const fromName = input.from_name ?? values.from_name?.trim();
    const transport = await createSmtpTransport(context, settings);
    try {
      const info = await withTransport(transport, context.signal, (open) =>
        open.sendMail({
          from: fromName ? { name: fromName, address: values.from_email!.trim() } : values.from_email!.trim(),
          to,
          ...(cc.length ? { cc } : {}),
          ...(bcc.length ? { bcc } : {}),
          ...(input.reply_to ? { replyTo: input.reply_to } : {}),
          subject: input.subject,
          ...(input.text_content?.trim() ? { text: input.text_content } : {}),
          ...(input.html_content?.trim() ? { html: input.html_content } : {}),
          ...(input.attachments?.length
            ? { attachments: input.attachments.map((file) => ({ filename: file.filename, content: Buffer.from(file.content, 'base64'), ...(file.type ? { contentType: file.type } : {}) })) }
            : {}),
        }),
      );
      const accepted = (info.accepted ?? []).map(String);
      const rejected = (info.rejected ?? []).map(String);
      if (accepted.length === 0) throw new AppError('upstream_error', `The SMTP server accepted none of the recipients: ${info.response}`, { service: 'SMTP' });
      return { result: { sent: true, messageId: info.messageId, accepted, ...(rejected.length ? { rejected } : {}), subject: input.subject, from: values.from_email!.trim() } };
    } catch (error) {
      context.signal.throwIfAborted();
      throw smtpError(error, settings);
    }
  },
});
