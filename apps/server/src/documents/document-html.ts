import { escapeHtml } from './markdown-to-html.js';

/**
 * A clean print stylesheet for documents: fonts installed with Chromium (nothing is downloaded), readable
 * measure, tables and code that break across pages sensibly. The document's own CSS comes after it and wins.
 */
export const documentStylesheet = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.5; color: #1f2328; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.5em; break-after: avoid; color: #111827; }
h1 { font-size: 22pt; margin-top: 0; }
h2 { font-size: 16pt; border-bottom: 1px solid #d8dee4; padding-bottom: 0.2em; }
h3 { font-size: 13pt; }
h4, h5, h6 { font-size: 11pt; }
.document-title { font-size: 26pt; margin: 0 0 0.8em; padding-bottom: 0.3em; border-bottom: 3px solid #2563eb; }
p, ul, ol, blockquote, pre, table { margin: 0 0 0.9em; }
ul, ol { padding-left: 1.6em; }
li { margin: 0.2em 0; }
li.task { list-style: none; margin-left: -1.2em; }
a { color: #2563eb; text-decoration: none; }
blockquote { margin-left: 0; padding: 0.2em 1em; border-left: 4px solid #d0d7de; color: #4b5563; }
code, pre { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
code { background: #f3f4f6; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 6px; padding: 0.8em 1em; white-space: pre-wrap; word-break: break-word; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #d0d7de; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
img, svg { max-width: 100%; height: auto; }
hr { border: none; border-top: 1px solid #d8dee4; margin: 1.5em 0; }
`;

/**
 * One slide of 1280 × 720 CSS pixels (13.33 × 7.5 in, the 16:9 size of presentation software). Content that
 * does not fit is cut off at the bottom (`safe center` keeps the heading) rather than spilling onto a page of its own.
 */
export const slideStylesheet = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 24px; line-height: 1.4; color: #1f2937; background: #ffffff; }
body { position: relative; margin: 0; width: 1280px; height: 720px; overflow: hidden; padding: 64px 80px; display: flex; flex-direction: column; justify-content: safe center; }
h1 { font-size: 56px; line-height: 1.15; margin: 0 0 24px; color: #111827; }
h2 { font-size: 40px; line-height: 1.2; margin: 0 0 24px; color: #1e3a8a; }
h3 { font-size: 30px; margin: 0 0 16px; }
p { margin: 0 0 16px; }
ul, ol { margin: 0 0 16px; padding-left: 1.3em; }
li { margin: 0 0 10px; }
table { border-collapse: collapse; font-size: 20px; }
th, td { border: 1px solid #d1d5db; padding: 8px 14px; text-align: left; }
th { background: #f3f4f6; }
img, svg { max-width: 100%; max-height: 100%; }
code, pre { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 18px; }
.slide-number { position: absolute; right: 40px; bottom: 24px; font-size: 14px; color: #9ca3af; }
`;

/** The deck around the slides: one 16:9 page per slide frame. */
const deckStylesheet = `
@page { size: 1280px 720px; margin: 0; }
body { margin: 0; }
iframe.slide { display: block; width: 1280px; height: 720px; border: 0; }
iframe.slide + iframe.slide { break-before: page; }
`;

function page(title: string, styles: string[], body: string): string {
  const styleTags = styles.filter((css) => css.trim() !== '').map((css) => `<style>${css}</style>`).join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n${styleTags}\n</head><body>\n${body}\n</body></html>`;
}

/** A whole document: the title as its heading and PDF title, the body HTML under it. */
export function buildDocumentHtml(document: { title: string; bodyHtml: string; customCss?: string }): string {
  return page(document.title, [documentStylesheet, document.customCss ?? ''], `<h1 class="document-title">${escapeHtml(document.title)}</h1>\n${document.bodyHtml}`);
}

/**
 * A deck: each page's HTML is a document of its own in a `srcdoc` frame, so a page with unbalanced tags or
 * sweeping CSS cannot spill into the next slide or change the page count.
 */
export function buildSlidesHtml(deck: { title: string; pages: readonly string[]; customCss?: string }): string {
  const frames = deck.pages.map((html, index) => {
    const slide = page(`${deck.title} — ${index + 1}`, [slideStylesheet, deck.customCss ?? ''], `${html}\n<div class="slide-number">${index + 1}</div>`);
    return `<iframe class="slide" title="Slide ${index + 1}" srcdoc="${escapeHtml(slide)}"></iframe>`;
  });
  return page(deck.title, [deckStylesheet], frames.join('\n'));
}
