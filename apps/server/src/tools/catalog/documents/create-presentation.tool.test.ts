import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumDocumentRenderer, type ChromiumDocumentRenderer } from '../../../documents/chromium-document-renderer.js';
import { expectPageSizes, readPdf } from '../../../documents/test-support.js';
import { createCapturingLogger } from '../../../test/capture-logger.js';
import { createPresentationTool } from './create-presentation.tool.js';
import { createDocumentToolContext } from './test-support.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function parse(args: Record<string, unknown>) {
  return createPresentationTool.inputSchema.parse(args);
}

// Chromium starts and renders slowly on a busy 2-core machine: generous limits, no timing asserted.
describe('create_presentation', { timeout: 60_000 }, () => {
  let renderer: ChromiumDocumentRenderer;

  beforeAll(() => {
    renderer = createChromiumDocumentRenderer({ chromiumPath, logger: createCapturingLogger().logger });
  });

  afterAll(async () => {
    await renderer.close();
  });

  it('prints one 16:9 landscape page per slide, in order', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    const pages = ['<h1>Launch plan</h1><p>Autumn 2025</p>', '<h2>Goals</h2><ul><li>Reach</li><li>Revenue</li></ul>', '<h2>Timeline</h2><table><tr><th>Q1</th><th>Q2</th></tr></table>', '<h2>Questions?</h2>'];
    const output = await createPresentationTool.execute(parse({ title: 'Launch plan', pages }), context);
    const [file] = saved;
    expect(file).toMatchObject({ filename: 'Launch plan.pdf', mimeType: 'application/pdf' });
    const pdf = await readPdf(file!.data);
    expectPageSizes(pdf.pages, [[960, 540], [960, 540], [960, 540], [960, 540]]);
    expect(pdf.pageTexts.map((text) => text.split('\n')[0])).toEqual(['Launch plan', 'Goals', 'Timeline', 'Questions?']);
    expect(pdf.title).toBe('Launch plan');
    expect(output.result).toMatchObject({ pages: 4, filename: 'Launch plan.pdf', size_bytes: file!.data.length });
  });

  it('keeps each slide on its page even when its HTML is broken or far too long', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    const pages = ['<h1>One</h1></section></body></html><div><p>unclosed', `<h1>Two</h1>${'<p>overflowing line</p>'.repeat(200)}`, '<style>body { display: none }</style><h1>Three</h1>'];
    await createPresentationTool.execute(parse({ title: 'Robust deck', pages, custom_css: 'h1 { color: #b91c1c; }' }), context);
    const pdf = await readPdf(saved[0]!.data);
    expect(pdf.pages).toHaveLength(3);
    expect(pdf.pageTexts[0]).toContain('unclosed');
    expect(pdf.pageTexts[1]).toContain('Two');
    // A slide that hides itself is blank, but still one page, and the other slides are untouched.
    expect(pdf.pageTexts[2]).not.toContain('Three');
  });

  it('needs at least one slide and at most 100', () => {
    expect(() => parse({ title: 'Empty', pages: [] })).toThrow();
    expect(() => parse({ title: 'Huge', pages: Array.from({ length: 101 }, () => '<h1>x</h1>') })).toThrow();
  });
});
