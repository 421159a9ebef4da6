import { z } from 'zod';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';

export const sendgrid = { id: 'sendgrid', name: 'SendGrid' } as const;

/** Largest file fetched from `file_url` to attach, bytes. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
/** Recipients of one message (to + cc + bcc); SendGrid allows 1000, a chat tool needs far fewer. */
export const maxRecipients = 100;

/** One address or several, as a list or comma-separated. */
export const addressListSchema = z.union([z.string(), z.array(z.string()).max(maxRecipients)]);

/** `["a@x.com", "b@y.com"]` from `"a@x.com, b@y.com"` or a list; each checked. @throws ValidationError */
export function parseAddresses(value: string | readonly string[] | undefined, field: string): string[] {
  if (value === undefined) return [];
  const addresses = (typeof value === 'string' ? value.split(/[,;]/) : value).map((address) => address.trim()).filter(Boolean);
  const invalid = addresses.filter((address) => !z.email().safeParse(address).success);
  if (invalid.length > 0) throw new ValidationError(`${field} has an address that is not valid: ${invalid.slice(0, 3).join(', ')}`);
  return [...new Set(addresses)];
}

/**
 * Downloads `file_url` through the SSRF-guarded client for attaching (the same guard as every other outbound
 * fetch: no private addresses unless allow-listed), capped at 10 MB.
 */
export async function fetchAttachment(context: Pick<ToolContext, 'http' | 'signal'>, fileUrl: string, fileName: string | undefined) {
  const response = await context.http.request(fileUrl, { signal: context.signal, maxBytes: maxAttachmentBytes });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_error', `The file at file_url could not be downloaded (status ${response.status}).`, { status: response.status });
  }
  const lastSegment = decodeURIComponent(new URL(response.url).pathname.split('/').pop() ?? '');
  const filename = fileName?.trim() || lastSegment || 'attachment';
  const type = (response.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
  return { content: response.body.toString('base64'), filename, type };
}
