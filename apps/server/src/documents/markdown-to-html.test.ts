import { describe, expect, it } from 'vitest';
import { escapeHtml, looksLikeHtml, markdownToHtml } from './markdown-to-html.js';

describe('markdownToHtml', () => {
  it('turns headings, paragraphs, lists, quotes, rules and fenced code into HTML', () => {
    const html = markdownToHtml([
      '# Title', '', 'First line', 'continues here.', '', '## Steps', '1. one', '2. two', '', '- [x] done', '- [ ] open', '',
      '> quoted **text**', '', '---', '', '```', 'const a = 1 < 2;', '```',
    ].join('\n'));
    expect(html).toBe([
      '<h1>Title</h1>', '<p>First line continues here.</p>', '<h2>Steps</h2>', '<ol><li>one</li><li>two</li></ol>',
      '<ul><li class="task">☑ done</li><li class="task">☐ open</li></ul>', '<blockquote><p>quoted <strong>text</strong></p></blockquote>',
      '<hr>', '<pre><code>const a = 1 &lt; 2;</code></pre>',
    ].join('\n'));
  });

  it('renders pipe tables and inline marks', () => {
    const html = markdownToHtml('| Name | Total |\n|---|--:|\n| *Ann* | `3 < 4` |\n| ~~Bob~~ | [site](https://example.org/?a=1&b=2) |');
    expect(html).toBe(
      '<table><thead><tr><th>Name</th><th>Total</th></tr></thead><tbody>' +
        '<tr><td><em>Ann</em></td><td><code>3 &lt; 4</code></td></tr>' +
        '<tr><td><del>Bob</del></td><td><a href="https://example.org/?a=1&amp;b=2">site</a></td></tr></tbody></table>',
    );
  });

  it('shows raw HTML and unsafe links as text, and leaves snake_case words alone', () => {
    const html = markdownToHtml('<script>alert(1)</script> [x](javascript:alert(1)) my_file_name');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) my_file_name</p>');
  });

  it('ends a paragraph where a block starts, and never loops on odd input', () => {
    expect(markdownToHtml('text\n# Heading\n- item')).toBe('<p>text</p>\n<h1>Heading</h1>\n<ul><li>item</li></ul>');
    expect(markdownToHtml('```\nunclosed')).toBe('<pre><code>unclosed</code></pre>');
    expect(markdownToHtml('#no-space\n|not a table|')).toBe('<p>#no-space |not a table|</p>');
  });
});

describe('looksLikeHtml and escapeHtml', () => {
  it('tells HTML from Markdown', () => {
    expect(looksLikeHtml('<h1>Hi</h1><p>x</p>')).toBe(true);
    expect(looksLikeHtml('# Hi\n\n3 < 4 and a <b>bold</b> word')).toBe(true);
    expect(looksLikeHtml('# Hi\n\n3 < 4, x > 2')).toBe(false);
  });

  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
