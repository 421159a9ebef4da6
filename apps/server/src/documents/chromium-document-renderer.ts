import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Browser, BrowserContext, BrowserType, Route } from 'playwright-core';
import { AppError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import type { DocumentRenderer, PdfRenderOptions } from '../tools/tool-ports.js';
import { createPageSlots } from './page-slots.js';

export interface ChromiumDocumentRendererOptions {
  /** Chromium or Chrome executable (`config.tools.chromiumPath`). */
  chromiumPath: string;
  logger: Logger;
  /** Pages rendered at once; more wait in line. Default 2. */
  maxConcurrentPages?: number;
  /** Renders waiting for a page before new ones are refused. Default 20. */
  maxWaiting?: number;
  /** Milliseconds one render (load + print) may take. Default 30 000. */
  renderTimeoutMs?: number;
  /** Largest HTML accepted, bytes. Default 10 MiB. */
  maxHtmlBytes?: number;
  /** Largest PDF handed back, bytes. Default 50 MiB. */
  maxPdfBytes?: number;
}

/** The renderer plus its lifecycle: the composition root closes it on shutdown. */
export interface ChromiumDocumentRenderer extends DocumentRenderer {
  /** Refuses new renders, fails the waiting ones and stops Chromium (and every process it started). */
  close(): Promise<void>;
}

/** Paper formats Chromium's printer knows, by lower-cased name. */
const paperFormats = new Map(['Letter', 'Legal', 'Tabloid', 'Ledger', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((format) => [format.toLowerCase(), format]));

/**
 * The flags DEPENDENCIES.md lists (no sandbox as root, no background traffic), plus two walls around the
 * network that catch what request interception cannot see: `<link rel=preconnect>` opens a socket without
 * a request, so every host name (IP literals included) resolves to nothing and any connection would go to a
 * proxy that does not exist.
 */
const launchArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions', '--host-resolver-rules=MAP * ~NOTFOUND',
];
const deadProxy = { server: 'http://no-network.invalid:9' };

/**
 * Renders HTML the model wrote into PDF with one shared headless Chromium, started on first use and started
 * again after a crash. Each render gets its own browser context with JavaScript off, every request other than
 * a `data:` URL refused, and navigation away from the document answered with "204 No Content" so that a
 * `<meta http-equiv=refresh>` leaves the document in place. Chromium itself refuses `file:` URLs to a page
 * that is not a file.
 */
export function createChromiumDocumentRenderer(options: ChromiumDocumentRendererOptions): ChromiumDocumentRenderer {
  const { chromiumPath, logger } = options;
  const renderTimeoutMs = options.renderTimeoutMs ?? 30_000;
  const maxHtmlBytes = options.maxHtmlBytes ?? 10 * 1024 * 1024;
  const maxPdfBytes = options.maxPdfBytes ?? 50 * 1024 * 1024;
  const slots = createPageSlots(options.maxConcurrentPages ?? 2, options.maxWaiting ?? 20);
  let browser: Promise<Browser> | null = null;
  let closed = false;

  function shuttingDown(): AppError {
    return new AppError('service_unavailable', 'The document renderer is shutting down.');
  }

  function currentBrowser(): Promise<Browser> {
    if (closed) return Promise.reject(shuttingDown());
    if (browser) return browser;
    const launching: Promise<Browser> = launchChromium(chromiumPath, logger).then((instance) => {
      instance.on('disconnected', () => {
        if (browser === launching) browser = null;
        if (!closed) logger.warn('Chromium exited; the next document starts a new one');
      });
      return instance;
    });
    browser = launching;
    // A failed launch is not remembered: the next render tries again (e.g. after chromium is installed).
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
    return launching;
  }

  async function render(html: string, renderOptions: PdfRenderOptions): Promise<Buffer> {
    const instance = await untilAborted(currentBrowser(), renderOptions.signal);
    try {
      return await renderInFreshContext(instance, html, renderOptions, renderTimeoutMs);
    } catch (error) {
      if (error instanceof AppError || renderOptions.signal?.aborted) throw error;
      if (closed) throw shuttingDown();
      if (!instance.isConnected()) throw new ChromiumStoppedError();
      throw error;
    }
  }

  return {
    async htmlToPdf(html, renderOptions = {}) {
      const htmlBytes = Buffer.byteLength(html, 'utf8');
      if (htmlBytes > maxHtmlBytes) {
        throw new AppError('payload_too_large', `The HTML is ${formatMegabytes(htmlBytes)}; documents of at most ${formatMegabytes(maxHtmlBytes)} can be rendered.`);
      }
      paperFormat(renderOptions.pageSize);
      const release = await slots.acquire(renderOptions.signal);
      try {
        // A browser that died since the last render is only noticed when it is used: one retry starts a new one.
        const pdf = await render(html, renderOptions).catch((error: unknown) => {
          if (error instanceof ChromiumStoppedError) return render(html, renderOptions);
          throw error;
        });
        if (pdf.length > maxPdfBytes) {
          throw new AppError('payload_too_large', `The PDF came out at ${formatMegabytes(pdf.length)}, more than the ${formatMegabytes(maxPdfBytes)} limit; split the document.`);
        }
        return pdf;
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      slots.close();
      const running = browser;
      browser = null;
      const instance = await running?.catch(() => null);
      await instance?.close().catch((error: unknown) => logger.warn({ err: error }, 'Chromium did not close cleanly'));
    },
  };
}

class ChromiumStoppedError extends AppError {
  constructor() {
    super('service_unavailable', 'Chromium stopped while rendering the document; try again.');
  }
}

async function launchChromium(chromiumPath: string, logger: Logger): Promise<Browser> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new AppError('service_unavailable', `PDF rendering needs Chromium, which was not found at ${chromiumPath}: install chromium or set CHROMIUM_PATH.`);
  }
  // Loaded on first use: the server starts (and every other tool works) without the browser driver.
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    logger.error({ err: error }, 'playwright-core could not be loaded');
    throw new AppError('service_unavailable', 'PDF rendering needs the playwright-core package, which is not installed.');
  }
  try {
    return await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs, proxy: deadProxy, timeout: 60_000 });
  } catch (error) {
    logger.error({ err: error }, 'Chromium did not start');
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new AppError('service_unavailable', `Chromium at ${chromiumPath} did not start (${reason}); check the installation or CHROMIUM_PATH.`);
  }
}

/**
 * One render in its own locked-down browser context, raced against the deadline and the caller's signal;
 * the context is closed whatever happens, which is what actually stops a render that lost the race.
 */
async function renderInFreshContext(browser: Browser, html: string, options: PdfRenderOptions, timeoutMs: number): Promise<Buffer> {
  const { signal } = options;
  let context: BrowserContext | undefined;
  let finished = false;
  let stop: ((error: unknown) => void) | undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  const timer = setTimeout(() => stop?.(new AppError('service_unavailable', `The document took longer than ${Math.round(timeoutMs / 1000)} s to render; make it shorter or simpler.`)), timeoutMs);
  const onAbort = () => stop?.(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const printing = (async () => {
      const created = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
      // A context that arrives after the render gave up is closed at once instead of being left open.
      if (finished) {
        await created.close();
        throw new Error('The render was abandoned before its page opened.');
      }
      context = created;
      return printPdf(created, html, options);
    })();
    return await Promise.race([printing, stopped]);
  } finally {
    finished = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await context?.close().catch(() => undefined);
  }
}

/** Loads the HTML into a fresh page of the locked-down context and prints it. */
async function printPdf(context: BrowserContext, html: string, options: PdfRenderOptions): Promise<Buffer> {
  await context.route('**/*', refuseNetwork);
  const page = await context.newPage();
  // The caller's deadline governs; Playwright's own timeouts are off so they cannot fire first with a vaguer error.
  await page.setContent(html, { waitUntil: 'load', timeout: 0 });
  const format = paperFormat(options.pageSize);
  return page.pdf({
    ...(options.preferCssPageSize ? { preferCSSPageSize: true } : { format }),
    landscape: options.landscape ?? false,
    printBackground: options.printBackground ?? true,
    scale: options.scale ?? 1,
    margin: { top: '0', right: '0', bottom: '0', left: '0', ...options.margin },
  });
}

function refuseNetwork(route: Route): Promise<void> {
  const request = route.request();
  if (request.url().startsWith('data:')) return route.continue();
  // A 204 answer to a navigation keeps the current document; aborting it would print Chromium's error page.
  if (request.isNavigationRequest() && request.frame().parentFrame() === null) return route.fulfill({ status: 204 });
  return route.abort('blockedbyclient');
}

/** @throws AppError `validation_failed` for a size Chromium's printer does not know */
function paperFormat(pageSize: string | undefined): string {
  const format = paperFormats.get((pageSize ?? 'A4').toLowerCase());
  if (!format) throw new AppError('validation_failed', `Unknown page size "${pageSize}"; use one of ${[...paperFormats.values()].join(', ')}.`);
  return format;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
