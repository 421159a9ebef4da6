import { z } from 'zod';
import type { ToolContext } from '../../tools/define-tool.js';
import { objectOf, pick, runComposioAction } from '../composio/composio-tool.js';

/** Gmail through Composio's Gmail toolkit (actions `GMAIL_*`, parameters as Composio documents them). */
export const gmail = { id: 'composio_gmail', serviceName: 'Gmail' } as const;

/** Runs a `GMAIL_*` action for the calling user and returns its `data` as an object. */
export async function runGmailAction(context: ToolContext, action: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  return objectOf(await runComposioAction(context, gmail, action, args));
}

const address = z.string().trim().regex(/^[^\s@,]+@[^\s@,]+$/, 'Give an email address (name@example.com)').max(320);

/** `to`: one address or several separated by commas. */
export const recipientsSchema = z
  .string()
  .trim()
  .min(3)
  .max(4_000)
  .refine((value) => value.split(',').every((part) => /^[^\s@,]+@[^\s@,]+$/.test(part.trim())), 'Give email addresses (name@example.com), separated by commas')
  .describe('Recipient address; several separated by commas');
export const addressListSchema = z.array(address).max(100);

/** Composio takes the first recipient as `recipient_email` and the others as `extra_recipients`. */
export function recipientArgs(to: string): { recipient_email: string; extra_recipients?: string[] } {
  const [first = '', ...rest] = to.split(',').map((part) => part.trim()).filter(Boolean);
  return { recipient_email: first, ...(rest.length > 0 ? { extra_recipients: rest } : {}) };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function cut(value: string | null, limit: number): { text: string | null; truncated: boolean } {
  if (value === null || value.length <= limit) return { text: value, truncated: false };
  return { text: value.slice(0, limit), truncated: true };
}

/**
 * A message as the model needs it, from Composio's Gmail message shape (`messageId`, `threadId`, `sender`, `to`,
 * `subject`, `messageTimestamp`, `labelIds`, `messageText`, `preview`, `attachmentList`), keeping at most
 * `bodyChars` of the text.
 */
export function summarizeMessage(raw: unknown, bodyChars: number): Record<string, unknown> {
  const message = objectOf(raw);
  const preview = objectOf(message.preview);
  const body = cut(text(message.messageText) ?? text(preview.body) ?? text(message.snippet), bodyChars);
  const attachments = Array.isArray(message.attachmentList) ? message.attachmentList.map(objectOf) : [];
  return {
    id: text(message.messageId) ?? text(message.id),
    thread_id: text(message.threadId),
    from: text(message.sender) ?? text(message.from),
    to: text(message.to),
    subject: text(message.subject) ?? text(preview.subject),
    date: text(message.messageTimestamp) ?? text(message.date),
    labels: Array.isArray(message.labelIds) ? message.labelIds : [],
    body: body.text,
    ...(body.truncated ? { body_truncated: true } : {}),
    ...(attachments.length > 0 ? { attachments: attachments.map((item) => ({ filename: text(item.filename), mime_type: text(item.mimeType) })) } : {}),
  };
}

/** The ids Gmail returns for a sent or drafted message (`id`, `threadId`, `labelIds`), wherever Composio nests them. */
export function sentIds(data: Record<string, unknown>): { message_id: string | null; thread_id: string | null } {
  return { message_id: text(pick(data, 'id', 'messageId')), thread_id: text(pick(data, 'threadId', 'thread_id')) };
}
