import { describe, expect, it } from 'vitest';
import { extractReadable } from './extract-readable.js';

describe('extractReadable', () => {
  it('falls back to the whole body when the page is not an article', () => {
    const page = extractReadable(
      '<html><head><title> Search  results </title><script>var x = 1;</script></head><body><h1>Results</h1><ul><li><a href="?page=2">Next</a></li></ul><style>.a{}</style></body></html>',
      'https://example.com/search?q=1',
    );
    expect(page).toEqual({
      title: 'Search results',
      markdown: '# Results\n\n- [Next](https://example.com/search?page=2)',
      text: 'Results\nNext',
    });
  });

  it('keeps code blocks fenced and tables of text readable', () => {
    const body = `<article><h1>Guide</h1>${'<p>Install the package and run it; the guide explains each step in some detail so that nobody gets lost.</p>'.repeat(3)}<pre><code>npm install claraverse</code></pre></article>`;
    const page = extractReadable(`<html><head><title>Guide</title></head><body>${body}</body></html>`, 'https://docs.example/guide');
    expect(page.markdown).toContain('```\nnpm install claraverse\n```');
    expect(page.text).toContain('npm install claraverse');
  });
});
