/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** True when the text is most likely HTML (it has a block or inline element) rather than Markdown or plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|head|body|p|div|h[1-6]|ul|ol|li|table|section|article|header|footer|main|br|hr|span|strong|em|b|i|a|img|pre|blockquote|style)\b[^>]*>/i.test(text);
}

const safeLink = /^(?:https?:|mailto:|#)/i;

/** Inline Markdown: `code`, **bold**, *italic*, ~~strike~~, [links](https://…) and ![images](data:…). */
function inline(text: string): string {
  const codeSpans: string[] = [];
  const withoutCode = text.replace(/`([^`]+)`/g, (_match, code: string) => {
    codeSpans.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codeSpans.length - 1}\uE000`;
  });
  return escapeHtml(withoutCode)
    .replace(/!\[([^\]]*)\]\((data:image\/[^)\s]+)\)/g, '<img alt="$1" src="$2">')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (match, label: string, href: string) => (safeLink.test(href) ? `<a href="${href}">${label}</a>` : match))
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_match, a?: string, b?: string) => `<strong>${a ?? b}</strong>`)
    .replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)|(^|[^_\w])_(?!\s)(.+?)_(?!\w)/g, (_match, p1?: string, a?: string, p2?: string, b?: string) => `${p1 ?? p2 ?? ''}<em>${a ?? b}</em>`)
    .replace(/~~(.+?)~~/g, '<del>$1</del>')
    .replace(/\uE000(\d+)\uE000/g, (_match, index: string) => codeSpans[Number(index)] ?? '');
}

function tableCells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

const blockStarts = [/^```/, /^#{1,6}\s/, /^>\s?/, /^\s*(?:[-*+]|\d+[.)])\s+/, /^(?:-{3,}|\*{3,}|_{3,})\s*$/];

/**
 * The Markdown a model writes (headings, paragraphs, lists, quotes, fenced code, pipe tables, rules and the
 * usual inline marks) as HTML. Raw HTML in the text is shown as text; a document written in HTML is passed
 * to the renderer as is instead (see `looksLikeHtml`). Lists are one level deep.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replaceAll('\r\n', '\n').split('\n');
  const html: string[] = [];
  let index = 0;
  const at = (offset = 0) => lines[index + offset] ?? '';
  while (index < lines.length) {
    const line = at();
    if (line.trim() === '') {
      index += 1;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (index += 1; index < lines.length && !at().startsWith('```'); index += 1) code.push(at());
      index += 1;
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      html.push(`<h${level}>${inline(line.slice(level).trim().replace(/\s#+$/, ''))}</h${level}>`);
      index += 1;
    } else if (/^(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      html.push('<hr>');
      index += 1;
    } else if (/^>\s?/.test(line)) {
      const quoted: string[] = [];
      for (; index < lines.length && /^>\s?/.test(at()); index += 1) quoted.push(at().replace(/^>\s?/, ''));
      html.push(`<blockquote>${markdownToHtml(quoted.join('\n'))}</blockquote>`);
    } else if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (; index < lines.length && /^\s*(?:[-*+]|\d+[.)])\s+/.test(at()); index += 1) {
        const text = at().replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
        const task = /^\[([ xX])\]\s+/.exec(text);
        items.push(task ? `<li class="task">${task[1] === ' ' ? '☐' : '☑'} ${inline(text.slice(task[0].length))}</li>` : `<li>${inline(text)}</li>`);
      }
      html.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else if (line.includes('|') && at(1).includes('|') && /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(at(1))) {
      const header = tableCells(line).map((cell) => `<th>${inline(cell)}</th>`).join('');
      const rows: string[] = [];
      for (index += 2; index < lines.length && at().includes('|') && at().trim() !== ''; index += 1) {
        rows.push(`<tr>${tableCells(at()).map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`);
      }
      html.push(`<table><thead><tr>${header}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
    } else {
      const paragraph = [line.trim()];
      for (index += 1; index < lines.length && at().trim() !== '' && !blockStarts.some((start) => start.test(at())); index += 1) paragraph.push(at().trim());
      html.push(`<p>${inline(paragraph.join(' '))}</p>`);
    }
  }
  return html.join('\n');
}
