import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumDocumentRenderer, type ChromiumDocumentRenderer } from '../../../documents/chromium-document-renderer.js';
import { expectPageSizes, readPdf } from '../../../documents/test-support.js';
import { createCapturingLogger } from '../../../test/capture-logger.js';
import { createDocumentTool } from './create-document.tool.js';
import { createDocumentToolContext } from './test-support.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function parse(args: Record<string, unknown>) {
  return createDocumentTool.inputSchema.parse(args);
}

// Chromium starts and renders slowly on a busy 2-core machine: generous limits, no timing asserted.
describe('create_document', { timeout: 60_000 }, () => {
  let renderer: ChromiumDocumentRenderer;

  beforeAll(() => {
    renderer = createChromiumDocumentRenderer({ chromiumPath, logger: createCapturingLogger().logger });
  });

  afterAll(async () => {
    await renderer.close();
  });

  it('prints Markdown content under the title, with the title as the PDF title and file name', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    const content = '## Summary\n\nSales grew **12%**.\n\n| Region | Sales |\n|---|---|\n| North | 120 |\n| South | 95 |\n\n- first point\n- second point';
    const output = await createDocumentTool.execute(parse({ title: 'Q3 Sales Report', content }), context);
    const [file] = saved;
    expect(file).toMatchObject({ filename: 'Q3 Sales Report.pdf', mimeType: 'application/pdf' });
    const pdf = await readPdf(file!.data);
    expect(pdf.title).toBe('Q3 Sales Report');
    expect(pdf.text).toContain('Q3 Sales Report');
    expect(pdf.text).toContain('Summary');
    expect(pdf.text).toContain('North');
    // The Markdown was converted, not printed as source.
    expect(pdf.text).not.toContain('**');
    expect(pdf.text).not.toContain('|---|');
    expectPageSizes(pdf.pages, [[595.3, 841.9]]);
    expect(output.result).toMatchObject({ filename: 'Q3 Sales Report.pdf', pages: 1, size_bytes: file!.data.length, download_url: expect.stringMatching(/^\/api\/files\//) as unknown });
  });

  it('takes HTML content as is, with custom CSS, page size, landscape and a safe file name', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    const content = `<h2>Terms</h2>${'<p class="clause">Each clause of the agreement is printed on its own line.</p>'.repeat(150)}`;
    const output = await createDocumentTool.execute(
      parse({ title: 'Agreement', content, filename: '../../etc/contract.pdf', page_size: 'Letter', landscape: true, custom_css: '.clause { margin-bottom: 2em; }' }),
      context,
    );
    const [file] = saved;
    expect(file!.filename).toBe('etc-contract.pdf');
    const pdf = await readPdf(file!.data);
    expect(pdf.pages.length).toBeGreaterThan(1);
    expectPageSizes(pdf.pages, pdf.pages.map(() => [792, 612]));
    expect(pdf.pageTexts[0]).toContain('Terms');
    expect(output.result).toMatchObject({ pages: pdf.pages.length });
  });

  it('rejects a missing title or content before rendering anything', () => {
    expect(() => parse({ title: '  ', content: 'x' })).toThrow();
    expect(() => parse({ title: 'Title' })).toThrow();
  });
});
