import { z } from 'zod';
import { buildDocumentHtml } from '../../../documents/document-html.js';
import { looksLikeHtml, markdownToHtml } from '../../../documents/markdown-to-html.js';
import { defineTool } from '../../define-tool.js';
import { pdfFilename, savePdf } from './save-pdf.js';

export const createDocumentTool = defineTool({
  name: 'create_document',
  displayName: 'Create Document',
  description:
    'Creates a polished PDF document (report, letter, summary, invoice…) from a title and content in HTML or Markdown, ' +
    'with a clean built-in stylesheet, and returns a download link (valid 30 days). The title is printed as the heading: ' +
    'do not repeat it in the content. Scripts do not run and nothing external loads: images must be data: URLs. ' +
    'Returns the link, file name, size and page count.',
  icon: 'FileText',
  category: 'documents',
  keywords: ['document', 'pdf', 'report', 'letter', 'write', 'export', 'markdown', 'create file'],
  inputSchema: z.object({
    title: z.string().trim().min(1).max(300).describe('Document title, printed as the heading and kept as the PDF title'),
    content: z.string().min(1).max(2_000_000).describe('The body: HTML (headings, paragraphs, tables, <style>) or Markdown'),
    content_format: z.enum(['auto', 'html', 'markdown']).default('auto').describe('auto looks for HTML tags'),
    filename: z.string().max(200).optional().describe('Name of the PDF; defaults to the title'),
    page_size: z.enum(['A4', 'Letter', 'Legal', 'A3', 'A5', 'Tabloid']).default('A4'),
    landscape: z.boolean().default(false),
    custom_css: z.string().max(100_000).optional().describe('Extra CSS applied after the built-in stylesheet'),
  }),
  async execute(input, context) {
    const isHtml = input.content_format === 'html' || (input.content_format === 'auto' && looksLikeHtml(input.content));
    const html = buildDocumentHtml({
      title: input.title,
      bodyHtml: isHtml ? input.content : markdownToHtml(input.content),
      ...(input.custom_css ? { customCss: input.custom_css } : {}),
    });
    const pdf = await context.documents.htmlToPdf(html, {
      pageSize: input.page_size,
      landscape: input.landscape,
      margin: { top: '2cm', right: '2cm', bottom: '2cm', left: '2cm' },
      printBackground: true,
      signal: context.signal,
    });
    return savePdf(context, pdfFilename(input.filename, input.title), pdf, 'the document');
  },
});
