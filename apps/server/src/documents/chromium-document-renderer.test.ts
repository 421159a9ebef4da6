import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { createChromiumDocumentRenderer, type ChromiumDocumentRenderer } from './chromium-document-renderer.js';
import { countPdfPages } from './count-pdf-pages.js';
import { expectPageSizes, processesWithEnvironment, readPdf } from './test-support.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const markerName = 'CLARAVERSE_RENDERER_TEST';
const { logger } = createCapturingLogger();

/** Starts a renderer whose Chromium processes carry a fresh environment marker, so the test can find them. */
function rendererWithMarker(options: Partial<Parameters<typeof createChromiumDocumentRenderer>[0]> = {}): { renderer: ChromiumDocumentRenderer; marker: string } {
  const marker = randomUUID();
  process.env[markerName] = marker;
  return { renderer: createChromiumDocumentRenderer({ chromiumPath, logger, ...options }), marker };
}

// Chromium starts and renders slowly on a busy 2-core machine: generous limits, no timing asserted.
describe('the Chromium document renderer', { timeout: 60_000 }, () => {
  let renderer: ChromiumDocumentRenderer;
  let marker: string;
  /** A loopback server that records every connection and request, which a rendered page must never reach. */
  let beaconServer: Server;
  let beaconPort: number;
  const connections: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    ({ renderer, marker } = rendererWithMarker());
    beaconServer = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('body { background: red }');
    });
    beaconServer.on('connection', (socket) => connections.push(String(socket.remotePort)));
    await new Promise<void>((resolve) => beaconServer.listen(0, '127.0.0.1', resolve));
    beaconPort = (beaconServer.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise((resolve) => beaconServer.close(resolve));
  });

  it('prints HTML into a real A4 PDF whose text holds the heading', async () => {
    const pdf = await renderer.htmlToPdf('<html><head><title>Report</title></head><body><h1>Quarterly report</h1><p>All numbers went up.</p></body></html>');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await readPdf(pdf);
    expect(text).toContain('Quarterly report');
    expectPageSizes(pages, [[595.3, 841.9]]);
    expect(await countPdfPages(pdf)).toBe(1);
  });

  it('honours page size, landscape and the CSS page size when asked', async () => {
    const letter = await readPdf(await renderer.htmlToPdf('<p>Letter</p>', { pageSize: 'letter', landscape: true }));
    expectPageSizes(letter.pages, [[792, 612]]);
    const slide = await readPdf(await renderer.htmlToPdf('<style>@page { size: 1280px 720px; margin: 0 }</style><p>Slide</p>', { preferCssPageSize: true }));
    expectPageSizes(slide.pages, [[960, 540]]);
  });

  it('sends nothing to the network: no request and not even a connection reaches a loopback server', async () => {
    const origin = `http://127.0.0.1:${beaconPort}`;
    const html = `<html><head>
      <link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}"><link rel="prefetch" href="${origin}/prefetch">
      <link rel="stylesheet" href="${origin}/style.css"><style>@import url("${origin}/import.css");
      @font-face { font-family: Beacon; src: url("${origin}/font.woff2"); } body { background: url("${origin}/background.png"); font-family: Beacon; }</style>
      <meta http-equiv="refresh" content="0;url=${origin}/refresh">
      </head><body><h1>Still here</h1><img src="${origin}/beacon"><iframe src="${origin}/frame"></iframe>
      <object data="${origin}/object"></object><video poster="${origin}/poster.png"></video><a href="${origin}/link" ping="${origin}/ping">link</a>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"></body></html>`;
    const { text } = await readPdf(await renderer.htmlToPdf(html));
    // The refresh was answered with "no content", so the document printed is still ours.
    expect(text).toContain('Still here');
    expect(requests).toEqual([]);
    expect(connections).toEqual([]);
  });

  it('runs no script: inline, event handlers and javascript: URLs all stay inert', async () => {
    const html = `<body onload="document.body.innerHTML = '<h1>onload ran</h1>'"><h1>Static text</h1>
      <script>document.write('<h2>' + 'script ' + 'ran</h2>');</script>
      <img src="data:," onerror="document.body.append('onerror ' + 'ran')">
      <iframe src="javascript:'<h1>frame ' + 'ran</h1>'"></iframe></body>`;
    const { text } = await readPdf(await renderer.htmlToPdf(html));
    expect(text).toContain('Static text');
    expect(text).not.toMatch(/ran\b/);
  });

  it('cannot read local files through file: URLs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'claraverse-renderer-'));
    const secret = `secret-${randomUUID()}`;
    writeFileSync(join(folder, 'secret.txt'), secret);
    writeFileSync(join(folder, 'secret.html'), `<h1>${secret}</h1>`);
    try {
      const url = `file://${folder}`;
      const html = `<h1>Visible</h1><iframe src="${url}/secret.txt"></iframe><iframe src="${url}/secret.html"></iframe>
        <object data="${url}/secret.html"></object><embed src="${url}/secret.txt"><link rel="stylesheet" href="${url}/secret.txt">`;
      const { text } = await readPdf(await renderer.htmlToPdf(html));
      expect(text).toContain('Visible');
      expect(text).not.toContain(secret);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses HTML over the size limit, a PDF over the size limit and an unknown page size with clear errors', async () => {
    const small = createChromiumDocumentRenderer({ chromiumPath, logger, maxHtmlBytes: 1000, maxPdfBytes: 2000 });
    try {
      await expect(small.htmlToPdf('x'.repeat(1001))).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/HTML is .* at most/) as unknown });
      await expect(small.htmlToPdf('<h1>A normal page</h1>')).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/more than the .* limit/) as unknown });
      await expect(small.htmlToPdf('<p>x</p>', { pageSize: 'B7' })).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('Unknown page size "B7"') as unknown });
    } finally {
      await small.close();
    }
  });

  it('stops a render that outlives its deadline and says why', async () => {
    const impatient = createChromiumDocumentRenderer({ chromiumPath, logger, renderTimeoutMs: 200 });
    try {
      // Warm up first: the deadline covers the render, not Chromium's start.
      await impatient.htmlToPdf('<p>warm</p>').catch(() => undefined);
      const heavy = `<table>${'<tr><td>cell</td><td>cell</td><td>cell</td></tr>'.repeat(60_000)}</table>`;
      await expect(impatient.htmlToPdf(heavy)).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('took longer than') as unknown });
    } finally {
      await impatient.close();
    }
  });

  it('gives up a render when its signal aborts', async () => {
    const controller = new AbortController();
    const heavy = `<table>${'<tr><td>cell</td></tr>'.repeat(60_000)}</table>`;
    const pending = renderer.htmlToPdf(heavy, { signal: controller.signal });
    controller.abort(new Error('the user pressed stop'));
    await expect(pending).rejects.toThrow('the user pressed stop');
  });

  it('renders only a few pages at once and refuses work beyond its waiting line', async () => {
    const single = createChromiumDocumentRenderer({ chromiumPath, logger, maxConcurrentPages: 1, maxWaiting: 1 });
    try {
      const first = single.htmlToPdf('<h1>first</h1>');
      const second = single.htmlToPdf('<h1>second</h1>');
      await expect(single.htmlToPdf('<h1>third</h1>')).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('Too many documents') as unknown });
      expect((await readPdf(await first)).text).toContain('first');
      expect((await readPdf(await second)).text).toContain('second');
    } finally {
      await single.close();
    }
  });

  it('starts a new Chromium when the old one crashed', async () => {
    await renderer.htmlToPdf('<p>before</p>');
    const [browser] = processesWithEnvironment(markerName, marker).filter((found) => found.isBrowser);
    expect(browser).toBeDefined();
    process.kill(browser!.pid, 'SIGKILL');
    const { text } = await readPdf(await renderer.htmlToPdf('<h1>after the crash</h1>'));
    expect(text).toContain('after the crash');
    const browsers = processesWithEnvironment(markerName, marker).filter((found) => found.isBrowser);
    expect(browsers.map((found) => found.pid)).not.toContain(browser!.pid);
    expect(browsers).toHaveLength(1);
  });

  it('says how to fix a missing Chromium', async () => {
    const missing = createChromiumDocumentRenderer({ chromiumPath: join(tmpdir(), 'no-such-chromium'), logger });
    const failure = missing.htmlToPdf('<p>x</p>');
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('install chromium or set CHROMIUM_PATH') as unknown });
    await missing.close();
  });

  it('leaves no Chromium process behind when closed, and refuses renders afterwards', async () => {
    const own = rendererWithMarker();
    await own.renderer.htmlToPdf('<p>start it</p>');
    expect(processesWithEnvironment(markerName, own.marker).some((found) => found.isBrowser)).toBe(true);
    await own.renderer.close();
    // The crash handler is not a child of the browser and exits on its own a moment later.
    await vi.waitFor(() => expect(processesWithEnvironment(markerName, own.marker)).toEqual([]), { timeout: 10_000, interval: 100 });
    await expect(own.renderer.htmlToPdf('<p>too late</p>')).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('shutting down') as unknown });
  });
});
