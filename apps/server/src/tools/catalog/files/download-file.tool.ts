import { uploadFileTypes, type UploadFileKind } from '@claraverse/shared';
import { z } from 'zod';
import { extensionOf } from '../../../files/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

const megabytes = (count: number) => count * 1024 * 1024;

/** The reference's caps for downloads: 20 MB images, 25 MB audio, 10 MB for documents and everything else. */
export const downloadCapsByKind: Record<UploadFileKind, number> = {
  image: megabytes(20), audio: megabytes(25), pdf: megabytes(10), document: megabytes(10), spreadsheet: megabytes(10), data: megabytes(10), text: megabytes(10),
};
const largestDownloadBytes = Math.max(...Object.values(downloadCapsByKind));

/** `filename*=UTF-8''…` or `filename="…"` of a Content-Disposition header. */
export function filenameFromDisposition(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  return /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1] ?? null;
}

/** The name to keep the file under: the one asked for, the server's, the URL's last segment; with an extension. */
function chooseFilename(requested: string | undefined, disposition: string | undefined, finalUrl: string, contentType: string | undefined): string {
  let segment: string | null = null;
  try {
    segment = decodeURIComponent(new URL(finalUrl).pathname.split('/').pop() ?? '') || null;
  } catch {
    segment = null;
  }
  const name = requested ?? filenameFromDisposition(disposition) ?? segment ?? 'download';
  if (extensionOf(name)) return name;
  const bareType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  const extension = uploadFileTypes.find((type) => type.mimeType === bareType)?.extensions[0];
  return extension ? `${name}.${extension}` : name;
}

export const downloadFileTool = defineTool({
  name: 'download_file',
  displayName: 'Download File',
  description:
    'Downloads a file from an http(s) URL into the user\'s files (kept 24 hours) and returns its file_id, so other tools can ' +
    'read it: read_document for PDF/Word/PowerPoint, read_data_file or read_spreadsheet for CSV/JSON/Excel, describe_image, ' +
    'transcribe_audio. Limits: images 20 MB, audio 25 MB, documents and data 10 MB. Private and internal addresses are refused.',
  icon: 'Download',
  category: 'files',
  keywords: ['download', 'fetch', 'url', 'file', 'pdf', 'csv', 'image', 'save', 'link'],
  inputSchema: z.object({
    url: z.string().trim().max(2048).pipe(z.url({ protocol: /^https?$/, message: 'Give an http:// or https:// URL' })).describe('Address of the file'),
    filename: z.string().trim().min(1).max(200).optional().describe('Name to keep it under; taken from the server or the URL when omitted'),
  }),
  async execute(input, context) {
    const response = await context.http.request(input.url, { signal: context.signal, maxBytes: largestDownloadBytes, headers: { accept: '*/*' } });
    if (response.status >= 400) {
      throw new AppError('upstream_unavailable', `The server answered ${response.status} for ${input.url}; the file was not downloaded.`, { status: response.status });
    }
    if (response.status >= 300) throw new AppError('upstream_unavailable', `The server answered ${response.status} without a file for ${input.url}.`);
    const contentType = response.headers['content-type'];
    const filename = chooseFilename(input.filename, response.headers['content-disposition'], response.url, contentType);
    const saved = await context.files.saveUpload(context.userId, {
      filename, data: response.body, maxBytesByKind: downloadCapsByKind, ...(contentType ? { mimeType: contentType } : {}),
    });
    return {
      result: {
        message: `Downloaded "${saved.filename}" (${saved.mimeType}, ${saved.size} bytes). Use file_id ${saved.fileId} with the file tools; it is kept until ${saved.expiresAt}.`,
        file_id: saved.fileId,
        filename: saved.filename,
        mime_type: saved.mimeType,
        size_bytes: saved.size,
        expires_at: saved.expiresAt,
        source_url: response.url,
      },
    };
  },
});
