import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool, type ToolContext } from '../../define-tool.js';
import { extractReadable, type ReadablePage } from './extract-readable.js';
import { createRobotsPolicies, scraperUserAgent } from './robots-policy.js';
import { createScrapeLimits, defaultScrapeLimits, type ScrapeLimitOptions } from './scrape-limits.js';
import { createTtlCache } from '../../../platform/cache/ttl-cache.js';

/** Largest page downloaded, bytes. */
const maxPageBytes = 10 * 1024 * 1024;
/** How long a read page is served from memory, ms. */
const cacheTtlMs = 60 * 60 * 1000;
/** Characters kept per cached page and format (more than any `max_length` allows). */
const maxStoredChars = 200_000;

const htmlTypes = /^(?:text\/html|application\/xhtml\+xml)\b/i;
const textTypes = /^(?:text\/|application\/(?:json|xml|ld\+json|javascript)\b|[^;]*\+(?:json|xml)\b)/i;

interface CachedPage extends ReadablePage {
  url: string;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? 'text/html').split(';')[0]!.trim().toLowerCase();
}

async function fetchPage(url: URL, context: ToolContext): Promise<CachedPage> {
  const response = await context.http.request(url.href, {
    signal: context.signal,
    maxBytes: maxPageBytes,
    headers: { 'user-agent': scraperUserAgent, accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1' },
  });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_unavailable', `${url.href} answered HTTP ${response.status}; there is no page to read.`, { status: response.status });
  }
  const type = mediaTypeOf(response.headers['content-type']);
  if (htmlTypes.test(type)) {
    return { url: response.url, ...extractReadable(response.text(), response.url) };
  }
  if (textTypes.test(type)) {
    const text = response.text().trim();
    return { url: response.url, title: new URL(response.url).pathname.split('/').pop() || url.host, markdown: text, text };
  }
  throw new AppError(
    'unsupported_media_type',
    `${url.href} is a ${type} file, not a web page. To read a PDF or an office document, download it with download_file and open it with read_document.`,
  );
}

function clip(text: string, maxLength: number): { content: string; truncated: boolean } {
  return text.length > maxLength ? { content: text.slice(0, maxLength), truncated: true } : { content: text, truncated: false };
}

/**
 * Builds scrape_web with its own cache, robots.txt cache and limits (tests make fresh ones; the catalog
 * holds one for the process).
 */
export function createScrapeWebTool(limits: ScrapeLimitOptions = defaultScrapeLimits) {
  const pages = createTtlCache<CachedPage>({ maxEntries: 200, ttlMs: cacheTtlMs });
  const robots = createRobotsPolicies();
  const manners = createScrapeLimits(limits);

  return defineTool({
    name: 'scrape_web',
    displayName: 'Scrape Web Page',
    description:
      'Reads a web page and returns its main text (the article, without menus and ads) as Markdown or plain text, with ' +
      'its title, author and site name. Honours robots.txt and the site\'s crawl delay; pages are cached for an hour. ' +
      'Use it after search_web to read a result, or when the user gives a URL. Long pages are cut at max_length characters.',
    icon: 'Globe',
    category: 'web',
    keywords: ['scrape', 'read', 'web page', 'website', 'url', 'fetch', 'article', 'extract', 'crawl', 'link'],
    inputSchema: z.object({
      url: z.url({ protocol: /^https?$/, error: 'Give an http or https URL' }).max(2_000).describe('The page to read'),
      max_length: z.number().int().min(100).max(100_000).default(20_000).describe('Most characters of content to return (default 20000)'),
      format: z.enum(['markdown', 'text']).default('markdown').describe('markdown keeps headings, lists and links; text is plain'),
    }),
    async execute(input, context) {
      const url = new URL(input.url);
      url.hash = '';
      const now = context.now().getTime();
      let page = pages.get(url.href, now);
      const isCached = page !== undefined;
      if (!page) {
        const policy = await robots.forUrl(url, context);
        const refusal = policy.refusal(url);
        if (refusal) throw new AppError('forbidden', refusal);
        const release = await manners.admit({ userId: context.userId, site: url.host, crawlDelaySeconds: policy.crawlDelaySeconds, now, signal: context.signal });
        try {
          const fetched = await fetchPage(url, context);
          page = { ...fetched, markdown: fetched.markdown.slice(0, maxStoredChars), text: fetched.text.slice(0, maxStoredChars) };
        } finally {
          release();
        }
        pages.set(url.href, page, now);
      }
      const { content, truncated } = clip(input.format === 'markdown' ? page.markdown : page.text, input.max_length);
      return {
        result: {
          url: page.url,
          title: page.title,
          ...(page.byline ? { byline: page.byline } : {}),
          ...(page.siteName ? { siteName: page.siteName } : {}),
          format: input.format,
          content,
          length: content.length,
          truncated,
          ...(truncated ? { note: `Cut at ${input.max_length} characters; ask for a larger max_length to read more.` } : {}),
          cached: isCached,
        },
      };
    },
  });
}

export const scrapeWebTool = createScrapeWebTool();
