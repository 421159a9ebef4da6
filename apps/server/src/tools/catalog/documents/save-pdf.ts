import { countPdfPages } from '../../../documents/count-pdf-pages.js';
import type { ToolContext, ToolOutput } from '../../define-tool.js';

/** Characters no file system or download header should see in a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const unsafeFilenameCharacters = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/**
 * A safe `.pdf` file name from what the model asked for, or from the document's title when it asked for none:
 * no folders, no control or reserved characters, at most 100 characters.
 */
export function pdfFilename(requested: string | undefined, fallbackTitle: string): string {
  const base = (requested?.trim() || fallbackTitle.trim() || 'document')
    .replace(unsafeFilenameCharacters, '-')
    .replace(/\s+/g, ' ')
    .replace(/\.pdf$/i, '')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 96);
  return `${base || 'document'}.pdf`;
}

/**
 * Keeps the PDF as the user's generated file (30 days, behind an access code) and tells the model where it
 * is. Only the link goes back, never the bytes.
 */
export async function savePdf(context: ToolContext, filename: string, pdf: Buffer, what: string): Promise<ToolOutput> {
  const pages = await countPdfPages(pdf);
  const saved = await context.files.saveGenerated(context.userId, { filename, mimeType: 'application/pdf', data: pdf });
  return {
    result: {
      message: `Created ${what} "${saved.filename}" (${pages} ${pages === 1 ? 'page' : 'pages'}). Give the user the download link; it works for 30 days.`,
      file_id: saved.fileId,
      filename: saved.filename,
      download_url: saved.url,
      size_bytes: saved.size,
      pages,
      expires_at: saved.expiresAt,
    },
  };
}
