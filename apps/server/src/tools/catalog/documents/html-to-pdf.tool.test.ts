import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumDocumentRenderer, type ChromiumDocumentRenderer } from '../../../documents/chromium-document-renderer.js';
import { expectPageSizes, readPdf } from '../../../documents/test-support.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import { createCapturingLogger } from '../../../test/capture-logger.js';
import { htmlToPdfTool } from './html-to-pdf.tool.js';
import { createDocumentToolContext } from './test-support.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function parse(args: Record<string, unknown>) {
  return htmlToPdfTool.inputSchema.parse(args);
}

// Chromium starts and renders slowly on a busy 2-core machine: generous limits, no timing asserted.
describe('html_to_pdf', { timeout: 60_000 }, () => {
  let renderer: ChromiumDocumentRenderer;
  /** A web page on loopback: what the `url` form fetches, and where a rendered page must never call back. */
  let site: Server;
  let siteUrl: string;
  const siteRequests: string[] = [];

  beforeAll(async () => {
    renderer = createChromiumDocumentRenderer({ chromiumPath, logger: createCapturingLogger().logger });
    site = createServer((request, response) => {
      siteRequests.push(request.url ?? '');
      if (request.url === '/article') {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end('<html><head><title>Article</title><link rel="stylesheet" href="/style.css"></head><body><h1>Fetched article</h1><p>Body text.</p><img src="/beacon.png"></body></html>');
      } else if (request.url === '/data.json') {
        response.setHeader('content-type', 'application/json');
        response.end('{}');
      } else {
        response.statusCode = 404;
        response.end('missing');
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise((resolve) => site.close(resolve));
  });

  it('turns HTML into a PDF kept as a generated file and returns its link, name, size and pages', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    const output = await htmlToPdfTool.execute(parse({ html: '<h1>Invoice 42</h1><p>Total: 120 EUR</p>', filename: 'invoice-42' }), context);
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file).toMatchObject({ userId: 'user-1', filename: 'invoice-42.pdf', mimeType: 'application/pdf' });
    expect(file!.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(file!.data);
    expect(pdf.text).toContain('Invoice 42');
    expectPageSizes(pdf.pages, [[595.3, 841.9]]);
    expect(output.result).toEqual({
      message: expect.stringContaining('invoice-42.pdf') as unknown,
      file_id: file!.fileId,
      filename: 'invoice-42.pdf',
      download_url: `/api/files/${file!.fileId}?code=test-code`,
      size_bytes: file!.data.length,
      pages: 1,
      expires_at: '2030-01-01T00:00:00.000Z',
    });
  });

  it('applies page size, orientation, margins and scale', async () => {
    const { context, saved } = createDocumentToolContext(renderer);
    await htmlToPdfTool.execute(parse({ html: '<p>Wide page</p>', page_size: 'Legal', landscape: true }), context);
    expectPageSizes((await readPdf(saved[0]!.data)).pages, [[1008, 612]]);

    const long = `<title>Long read</title>${'<p>A paragraph of text that takes up a line or two on the page.</p>'.repeat(120)}`;
    await htmlToPdfTool.execute(parse({ html: long, margin: 'none', scale: 0.5 }), context);
    await htmlToPdfTool.execute(parse({ html: long, margin: 'wide', scale: 1 }), context);
    const [small, large] = await Promise.all([readPdf(saved[1]!.data), readPdf(saved[2]!.data)]);
    expect(small.pages.length).toBeLessThan(large.pages.length);
    // Without a file name the page's title names the file.
    expect(saved[1]!.filename).toBe('Long read.pdf');
  });

  it('fetches a url through the guarded client and renders it offline: the page calls nothing back', async () => {
    const http = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 5_000, maxBytes: 1024 * 1024 });
    const { context, saved } = createDocumentToolContext(renderer, { http });
    const output = await htmlToPdfTool.execute(parse({ url: `${siteUrl}/article` }), context);
    expect((await readPdf(saved[0]!.data)).text).toContain('Fetched article');
    expect(saved[0]!.filename).toBe('127.0.0.1.pdf');
    expect(output.result).toMatchObject({ pages: 1 });
    // Only the tool's own fetch reached the site; the stylesheet and image were never asked for.
    expect(siteRequests).toEqual(['/article']);
  });

  it('refuses a url the guard blocks, an error status and a non-HTML answer, saving nothing', async () => {
    const { context: blockedContext, saved } = createDocumentToolContext(renderer, {
      http: createOutboundHttp({ allowlist: [], timeoutMs: 5_000, maxBytes: 1024 * 1024 }),
    });
    await expect(htmlToPdfTool.execute(parse({ url: `${siteUrl}/article` }), blockedContext)).rejects.toMatchObject({ code: 'outbound_blocked' });

    const { context } = createDocumentToolContext(renderer, { http: createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 5_000, maxBytes: 1024 * 1024 }) });
    await expect(htmlToPdfTool.execute(parse({ url: `${siteUrl}/nowhere` }), context)).rejects.toMatchObject({ code: 'upstream_unavailable', message: expect.stringContaining('HTTP 404') as unknown });
    await expect(htmlToPdfTool.execute(parse({ url: `${siteUrl}/data.json` }), context)).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') as unknown });
    expect(saved).toEqual([]);
  });

  it('wants exactly one of html and url, a known page size and a scale between 0.1 and 2', () => {
    expect(() => parse({})).toThrow('Give either html or url');
    expect(() => parse({ html: '<p>x</p>', url: 'https://example.org/' })).toThrow('Give either html or url');
    expect(() => parse({ url: 'file:///etc/passwd' })).toThrow();
    expect(() => parse({ html: '<p>x</p>', page_size: 'B5' })).toThrow();
    expect(() => parse({ html: '<p>x</p>', scale: 3 })).toThrow();
  });
});
