import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

/** The readable part of a page. */
export interface ReadablePage {
  title: string;
  byline?: string;
  siteName?: string;
  excerpt?: string;
  markdown: string;
  text: string;
}

interface Element {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  remove(): void;
  after(text: string): void;
  innerHTML: string;
  textContent: string | null;
}

interface ParsedDocument {
  title: string;
  body: Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
turndown.remove(['script', 'style', 'noscript', 'iframe', 'form']);

/** Relative links and images would lead nowhere once the text leaves the page. */
function absolutise(document: ParsedDocument, pageUrl: string): void {
  for (const [selector, attribute] of [['a[href]', 'href'], ['img[src]', 'src']] as const) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute);
      if (!value) continue;
      try {
        element.setAttribute(attribute, new URL(value, pageUrl).href);
      } catch {
        element.remove();
      }
    }
  }
}

const blockElements = 'p, div, li, dt, dd, h1, h2, h3, h4, h5, h6, br, tr, pre, blockquote, section, article, header, footer, ul, ol, table, figure, figcaption';

function parse(html: string): ParsedDocument {
  return (parseHTML(html) as unknown as { document: ParsedDocument }).document;
}

/** Text of an HTML fragment with a line break after each block, so paragraphs and list items stay apart. */
function htmlToText(html: string): string {
  const document = parse(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll(blockElements)) element.after('\n');
  return tidyText(document.body?.textContent ?? '');
}

function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tidyMarkdown(markdown: string): string {
  return markdown
    // turndown pads list markers to four columns ("-   item"); one space reads the same and costs fewer tokens.
    .replace(/^(\s*)([-*]|\d+\.) {2,}/gm, '$1$2 ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Mozilla Readability over a linkedom DOM: the article's title, byline and body, as Markdown (turndown) and
 * as plain text. Pages that do not look like an article (a search page, a listing, an app shell) give their
 * whole body instead, without scripts and styles.
 */
export function extractReadable(html: string, pageUrl: string): ReadablePage {
  const document = parse(html);
  absolutise(document, pageUrl);
  const fallbackTitle = tidyText(document.title ?? '');
  const article = isProbablyReaderable(document as never) ? new Readability(document as never, { charThreshold: 200 }).parse() : null;
  if (article?.content) {
    return {
      title: tidyText(article.title ?? '') || fallbackTitle,
      ...(article.byline ? { byline: tidyText(article.byline) } : {}),
      ...(article.siteName ? { siteName: tidyText(article.siteName) } : {}),
      ...(article.excerpt ? { excerpt: tidyText(article.excerpt) } : {}),
      markdown: tidyMarkdown(turndown.turndown(article.content)),
      text: htmlToText(article.content),
    };
  }
  // Readability changes the DOM it reads, so the fallback parses the page again.
  const whole = parse(html);
  absolutise(whole, pageUrl);
  for (const element of whole.querySelectorAll('script, style, noscript, template')) element.remove();
  const bodyHtml = whole.body?.innerHTML ?? '';
  return { title: fallbackTitle, markdown: tidyMarkdown(turndown.turndown(bodyHtml || ' ')), text: htmlToText(bodyHtml) };
}
