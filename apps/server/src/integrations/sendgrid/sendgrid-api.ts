import { AppError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';

export const sendgrid = { id: 'sendgrid', name: 'SendGrid' } as const;

/** Largest file fetched from `file_url` to attach, bytes. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

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
