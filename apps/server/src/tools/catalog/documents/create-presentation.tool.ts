import { z } from 'zod';
import { buildSlidesHtml } from '../../../documents/document-html.js';
import { defineTool } from '../../define-tool.js';
import { pdfFilename, savePdf } from './save-pdf.js';

export const createPresentationTool = defineTool({
  name: 'create_presentation',
  displayName: 'Create Presentation',
  description:
    'Creates a 16:9 presentation as a PDF, one slide per entry of pages (each the HTML of one slide, 1280 × 720 px, ' +
    'with a clean built-in slide style: use <h1>/<h2>, <p>, <ul>, tables, inline <style>). Content that does not fit is cut off, ' +
    'so keep slides short. Scripts do not run and nothing external loads: images must be data: URLs. ' +
    'Returns a download link (valid 30 days), file name, size and page count.',
  icon: 'Presentation',
  category: 'documents',
  keywords: ['presentation', 'slides', 'deck', 'pdf', 'pitch', 'slideshow', 'powerpoint', 'keynote'],
  inputSchema: z.object({
    title: z.string().trim().min(1).max(300).describe('Title of the deck (the PDF title and default file name)'),
    pages: z.array(z.string().min(1).max(200_000)).min(1).max(100).describe('The HTML of each slide, in order'),
    filename: z.string().max(200).optional().describe('Name of the PDF; defaults to the title'),
    custom_css: z.string().max(100_000).optional().describe('Extra CSS applied to every slide after the built-in style'),
  }),
  async execute(input, context) {
    const html = buildSlidesHtml({ title: input.title, pages: input.pages, ...(input.custom_css ? { customCss: input.custom_css } : {}) });
    const pdf = await context.documents.htmlToPdf(html, { preferCssPageSize: true, printBackground: true, signal: context.signal });
    return savePdf(context, pdfFilename(input.filename, input.title), pdf, 'the presentation');
  },
});
