import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { escapeHtml } from '../../../documents/markdown-to-html.js';
import { defineTool, type ToolContext } from '../../define-tool.js';
import { pdfFilename, savePdf } from './save-pdf.js';

/** Page margins of each preset, as CSS lengths. */
const margins = { none: '0', minimal: '0.25in', normal: '0.5in', wide: '1in' } as const;

/** Largest page fetched for the `url` form, bytes. */
const maxFetchedBytes = 5 * 1024 * 1024;

const htmlTypes = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/**
 * Fetches the page through the guarded client (never through Chromium, which stays offline) and makes its
 * relative links absolute with a `<base>`, so links in the PDF still lead to the site. Its images and
 * stylesheets are not fetched: the renderer loads nothing.
 */
async function fetchPage(url: string, context: ToolContext): Promise<string> {
  const response = await context.http.request(url, { signal: context.signal, maxBytes: maxFetchedBytes, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5' } });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_unavailable', `${url} answered with HTTP ${response.status}; no PDF was made.`);
  }
  const type = response.headers['content-type'] ?? 'text/html';
  if (!htmlTypes.test(type)) throw new AppError('unsupported_media_type', `${url} is ${type.split(';')[0]}, not a web page; html_to_pdf converts HTML.`);
  const text = response.text();
  if (/^text\/plain/i.test(type)) return `<pre style="white-space: pre-wrap">${escapeHtml(text)}</pre>`;
  return `<base href="${escapeHtml(response.url)}">\n${text}`;
}

export const htmlToPdfTool = defineTool({
  name: 'html_to_pdf',
  displayName: 'HTML to PDF Converter',
  description:
    'Converts HTML (which you write, with inline <style>) or a web page at a URL into a PDF and returns a download link ' +
    '(valid 30 days). Scripts do not run and nothing external loads: put CSS inline and images as data: URLs. ' +
    'Options: page size, landscape, margins, background printing and scale. Returns the link, file name, size and page count.',
  icon: 'FileDown',
  category: 'documents',
  keywords: ['pdf', 'html', 'convert', 'print', 'export', 'web page', 'save as pdf', 'download'],
  inputSchema: z
    .object({
      html: z.string().min(1).max(5_000_000).optional().describe('The HTML to convert (a full document or a fragment). Give this or url.'),
      url: z.url({ protocol: /^https?$/ }).max(2_000).optional().describe('An http(s) web page to fetch and convert. Give this or html.'),
      filename: z.string().max(200).optional().describe('Name of the PDF, e.g. "invoice-42.pdf"'),
      page_size: z.enum(['A4', 'Letter', 'Legal', 'A3', 'A5', 'Tabloid']).default('A4'),
      landscape: z.boolean().default(false),
      margin: z.enum(['none', 'minimal', 'normal', 'wide']).default('normal').describe('none 0, minimal 0.25 in, normal 0.5 in, wide 1 in'),
      print_background: z.boolean().default(true).describe('Print background colours and images'),
      scale: z.number().min(0.1).max(2).default(1).describe('Zoom of the content, 0.1 to 2'),
    })
    .refine((input) => (input.html === undefined) !== (input.url === undefined), { message: 'Give either html or url, not both', path: ['html'] }),
  async execute(input, context) {
    const html = input.html ?? (await fetchPage(input.url!, context));
    const margin = margins[input.margin];
    const pdf = await context.documents.htmlToPdf(html, {
      pageSize: input.page_size,
      landscape: input.landscape,
      margin: { top: margin, right: margin, bottom: margin, left: margin },
      printBackground: input.print_background,
      scale: input.scale,
      signal: context.signal,
    });
    const fallbackName = input.url ? new URL(input.url).hostname : (/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? 'document');
    return savePdf(context, pdfFilename(input.filename, fallbackName), pdf, 'the PDF');
  },
});
