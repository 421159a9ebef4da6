import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import { startDoubleServer, type DoubleServer } from '../../../test/llm-doubles/double-server.js';
import { createTestToolContext } from '../../test-support.js';
import { createScrapeWebTool } from './scrape-web.tool.js';

// Real guarded client, loopback only; the "web" is a few local sites.
const http = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 10_000, maxBytes: 50 * 1024 * 1024 });

const robotsTxt = [
  'User-agent: ClaraVerse-Bot',
  'Disallow: /private/',
  '',
  'User-agent: *',
  'Disallow: /',
].join('\n');

// Readability keeps the document title (site suffix included) and takes the byline from the author meta.
const pageTitle = 'Otters and their tools | Nature Weekly';

const paragraph = (topic: string) =>
  `<p>${topic} has been studied for decades by researchers around the world, and the results keep surprising people. ` +
  'Each new measurement adds detail to a picture that was already rich, and the open questions are many.</p>';

const articleHtml = `<!doctype html>
<html><head>
  <title>Otters and their tools | Nature Weekly</title>
  <meta name="author" content="Ada Lovelace">
  <meta property="og:site_name" content="Nature Weekly">
  <style>body { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/subscribe">Subscribe now</a></nav>
  <div class="advert">BUY CHEAP WIDGETS</div>
  <article>
    <h1>Otters and their tools</h1>
    <p class="byline">By Ada Lovelace</p>
    ${paragraph('Tool use in sea otters')}
    <h2>Rocks as anvils</h2>
    ${paragraph('Using rocks to crack shells')}
    <ul><li>Clams</li><li>Mussels</li></ul>
    <p>Read <a href="/about/otters">more about otters</a>.</p>
    ${paragraph('Teaching pups')}
    <script>alert('no')</script>
  </article>
  <footer>Copyright footer text</footer>
</body></html>`;

let site: DoubleServer;
let slowSite: DoubleServer;
let brokenRobotsSite: DoubleServer;

function page(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

beforeAll(async () => {
  site = await startDoubleServer(async ({ response, recorded }) => {
    switch (recorded.path) {
      case '/robots.txt': return page(response, 200, 'text/plain', robotsTxt);
      case '/article':
      case '/article-2':
      case '/article-3':
      case '/article-4':
      case '/article-5':
      case '/article-6':
      case '/private/diary': return page(response, 200, 'text/html; charset=utf-8', articleHtml);
      case '/old-article':
        response.writeHead(301, { location: '/article' });
        return void response.end();
      case '/notes.txt': return page(response, 200, 'text/plain; charset=utf-8', 'Plain notes.\nSecond line.');
      case '/paper.pdf': return page(response, 200, 'application/pdf', '%PDF-1.7 not really');
      case '/huge': return page(response, 200, 'text/html', `<html><body>${'x'.repeat(11 * 1024 * 1024)}</body></html>`);
      default: return page(response, 404, 'text/html', '<h1>Not found</h1>');
    }
  });
  slowSite = await startDoubleServer(async ({ response, recorded }) => {
    if (recorded.path === '/robots.txt') return page(response, 200, 'text/plain', 'User-agent: *\nCrawl-delay: 30\nAllow: /\n');
    return page(response, 200, 'text/html', articleHtml);
  });
  brokenRobotsSite = await startDoubleServer(async ({ response, recorded }) => {
    if (recorded.path === '/robots.txt') return page(response, 503, 'text/plain', 'maintenance');
    return page(response, 200, 'text/html', articleHtml);
  });
});

afterAll(async () => {
  await Promise.all([site, slowSite, brokenRobotsSite].map((server) => server.close()));
});

function setup(userId = 'user-1') {
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const tool = createScrapeWebTool();
  const context = createTestToolContext({ http, userId, now: () => new Date(clock) });
  return {
    advance: (milliseconds: number) => (clock += milliseconds),
    scrape: async (args: Record<string, unknown>, overrides: Partial<typeof context> = {}) =>
      (await tool.execute(tool.inputSchema.parse(args), { ...context, ...overrides })).result as Record<string, unknown>,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const pathsSeen = (server: DoubleServer) => server.requests.map((request) => request.path);

describe('scrape_web', () => {
  it('reads the article of a page as Markdown, without navigation, ads or scripts, with absolute links', async () => {
    const { scrape } = setup();
    const result = await scrape({ url: `${site.origin}/article#comments` });
    expect(result).toMatchObject({
      url: `${site.origin}/article`,
      title: pageTitle,
      byline: 'Ada Lovelace',
      siteName: 'Nature Weekly',
      format: 'markdown',
      truncated: false,
      cached: false,
    });
    const content = result.content as string;
    expect(content).toContain('## Rocks as anvils');
    expect(content).toMatch(/^- Clams$/m);
    expect(content).toContain(`[more about otters](${site.origin}/about/otters)`);
    expect(content).toContain('Tool use in sea otters has been studied');
    for (const noise of ['BUY CHEAP WIDGETS', 'Subscribe now', 'Copyright footer', 'alert(', 'color: red']) expect(content).not.toContain(noise);
    expect(result.length).toBe(content.length);
  });

  it('asks robots.txt first and identifies itself as ClaraVerse-Bot/1.0', async () => {
    const { scrape } = setup();
    const before = site.requests.length;
    await scrape({ url: `${site.origin}/article-2` });
    const requests = site.requests.slice(before);
    expect(requests.map((request) => request.path)).toEqual(['/robots.txt', '/article-2']);
    for (const request of requests) expect(request.headers['user-agent']).toBe('ClaraVerse-Bot/1.0');
  });

  it('gives plain text when asked, and cuts at max_length saying so', async () => {
    const { scrape } = setup();
    const text = await scrape({ url: `${site.origin}/article-3`, format: 'text', max_length: 150 });
    expect(text.format).toBe('text');
    expect(text.truncated).toBe(true);
    expect(text.length).toBe(150);
    expect(text.note).toBe('Cut at 150 characters; ask for a larger max_length to read more.');
    expect(text.content as string).not.toMatch(/[#[\]]/);
  });

  it('serves a page from its cache for an hour', async () => {
    const { scrape, advance } = setup();
    await scrape({ url: `${site.origin}/article-4` });
    const before = site.requests.length;
    advance(59 * 60 * 1000);
    expect(await scrape({ url: `${site.origin}/article-4`, format: 'text' })).toMatchObject({ cached: true, title: pageTitle });
    expect(site.requests.length).toBe(before);
    advance(2 * 60 * 1000);
    expect(await scrape({ url: `${site.origin}/article-4` })).toMatchObject({ cached: false });
    expect(pathsSeen(site).slice(before)).toEqual(['/robots.txt', '/article-4']);
  });

  it('refuses what robots.txt disallows for its user agent, without fetching the page', async () => {
    const { scrape } = setup();
    const error = await failure(scrape({ url: `${site.origin}/private/diary` }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      `${new URL(site.origin).host}'s robots.txt does not allow ClaraVerse-Bot to read /private/diary. Respect the site's wishes and look for the information elsewhere.`,
    );
    expect(pathsSeen(site)).not.toContain('/private/diary');
  });

  it('stays away when robots.txt answers a server error', async () => {
    const { scrape } = setup();
    const error = await failure(scrape({ url: `${brokenRobotsSite.origin}/news` }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/robots\.txt could not be read \(HTTP 503\), so crawlers must stay away for now/);
    expect(pathsSeen(brokenRobotsSite)).toEqual(['/robots.txt']);
  });

  it("keeps the site's Crawl-delay between two pages", async () => {
    const { scrape, advance } = setup();
    await scrape({ url: `${slowSite.origin}/one` });
    advance(10_000);
    const error = await failure(scrape({ url: `${slowSite.origin}/two` }));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe(`${new URL(slowSite.origin).host} asks crawlers to wait 30 seconds between requests (Crawl-delay in its robots.txt); try again in 20 seconds.`);
    expect(pathsSeen(slowSite)).not.toContain('/two');
    advance(20_000);
    expect(await scrape({ url: `${slowSite.origin}/two` })).toMatchObject({ title: pageTitle });
  });

  it('limits one user to 5 pages a second, and leaves other users alone', async () => {
    let clock = Date.parse('2026-05-01T12:00:00Z');
    const tool = createScrapeWebTool({ perUserPerSecond: 5, globalPerSecond: 10, maxConcurrent: 10, minHostIntervalMs: 0 });
    const run = (userId: string, path: string) =>
      tool.execute(tool.inputSchema.parse({ url: `${site.origin}${path}` }), createTestToolContext({ http, userId, now: () => new Date(clock) }));
    for (const path of ['/article', '/article-2', '/article-3', '/article-4', '/article-5']) await run('busy-user', path);
    const error = await failure(run('busy-user', '/article-6'));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe('You are reading pages too fast (5 per second at most); try again in 1 second.');
    expect((await run('calm-user', '/article-6')).result).toMatchObject({ cached: false });
    clock += 1000;
    expect((await run('busy-user', '/notes.txt')).result).toMatchObject({ content: 'Plain notes.\nSecond line.' });
  });

  it('follows redirects to the final page', async () => {
    const { scrape } = setup();
    expect(await scrape({ url: `${site.origin}/old-article` })).toMatchObject({ url: `${site.origin}/article`, title: pageTitle });
  });

  it('says what is wrong with a missing page, a PDF and a page over 10 MB', async () => {
    const { scrape, advance } = setup();
    const missing = await failure(scrape({ url: `${site.origin}/nope` }));
    expect(missing.message).toBe(`${site.origin}/nope answered HTTP 404; there is no page to read.`);
    advance(1000);
    const pdf = await failure(scrape({ url: `${site.origin}/paper.pdf` }));
    expect(pdf.code).toBe('unsupported_media_type');
    expect(pdf.message).toMatch(/is a application\/pdf file, not a web page\. To read a PDF/);
    advance(1000);
    const huge = await failure(scrape({ url: `${site.origin}/huge` }));
    expect(huge.code).toBe('response_too_large');
    expect(huge.message).toBe('The response from 127.0.0.1 is larger than the 10 MB limit.');
  });

  it('goes through the SSRF guard: a private address is refused before anything is sent', async () => {
    const { scrape } = setup();
    const before = site.requests.length;
    const guarded = createOutboundHttp({ allowlist: [], timeoutMs: 5_000, maxBytes: 1024 * 1024 });
    const error = await failure(scrape({ url: `${site.origin}/article` }, { http: guarded }));
    expect(error.code).toBe('outbound_blocked');
    expect(site.requests.length).toBe(before);
    expect((await failure(scrape({ url: 'http://169.254.169.254/latest/meta-data/' }))).code).toBe('outbound_blocked');
  });

  it('refuses URLs that are not http(s) through its schema', () => {
    const tool = createScrapeWebTool();
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'not a url']) expect(tool.inputSchema.safeParse({ url }).success).toBe(false);
    expect(tool.inputSchema.safeParse({ url: 'https://example.com', format: 'pdf' }).success).toBe(false);
  });
});
