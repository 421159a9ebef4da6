import { describe, expect, it } from 'vitest';
import { estimateMarkdownHeight, estimateMessageHeight } from './estimate-message-height';

const reply = (content: string) => ({ role: 'assistant' as const, content, reasoning: '', toolCalls: [], status: 'done' as const });
const question = (content: string) => ({ ...reply(content), role: 'user' as const });
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('estimating a message row before it is rendered', () => {
  it('wraps paragraphs at the text width: a narrow screen makes a long message taller, a short one stays one line', () => {
    const long = reply(words(200));
    expect(estimateMessageHeight(long, 320)).toBeGreaterThan(estimateMessageHeight(long, 736) * 1.8);
    expect(estimateMessageHeight(reply('Yes.'), 320)).toBe(estimateMessageHeight(reply('Yes.'), 736));
  });

  it('counts code by its lines (code does not wrap) and each list item and table row', () => {
    const code = (lines: number) => ['```ts', ...Array.from({ length: lines }, (_, index) => `const value${index} = ${'x'.repeat(150)};`), '```'].join('\n');
    const twentyLines = estimateMarkdownHeight(code(20), 736);
    expect(estimateMarkdownHeight(code(40), 736) - twentyLines).toBeCloseTo(20 * 21, 0);
    expect(estimateMarkdownHeight(code(20), 320)).toBe(twentyLines);

    const list = (items: number) => Array.from({ length: items }, (_, index) => `- item ${index}`).join('\n');
    expect(estimateMarkdownHeight(list(6), 736)).toBeGreaterThan(estimateMarkdownHeight(list(3), 736) + 60);
    const table = (rows: number) => ['| a | b |', '| --- | --- |', ...Array.from({ length: rows }, () => '| 1 | 2 |')].join('\n');
    // The separator line is not a row: header + 3 rows against header + 1 row.
    expect(estimateMarkdownHeight(table(3), 736) - estimateMarkdownHeight(table(1), 736)).toBe(2 * 36);
  });

  it('treats a fence still open (a reply streaming) as code, and a user message as plain lines in its bubble', () => {
    expect(estimateMarkdownHeight('```py\nprint(1)\nprint(2)', 736)).toBe(estimateMarkdownHeight('```py\nprint(1)\nprint(2)\n```', 736));
    // Markdown is not interpreted in a user's bubble: a "code block" there is just lines of text.
    const asQuestion = estimateMessageHeight(question('a\nb\nc\nd'), 736);
    expect(estimateMessageHeight(question('a\nb\nc\nd\ne\nf'), 736) - asQuestion).toBe(2 * 20);
  });

  it('adds the reasoning block, tool calls and an error to a reply', () => {
    const plain = estimateMessageHeight(reply('Done.'), 736);
    expect(estimateMessageHeight({ ...reply('Done.'), reasoning: 'thinking' }, 736)).toBeGreaterThan(plain);
    expect(estimateMessageHeight({ ...reply('Done.'), status: 'error' }, 736)).toBeGreaterThan(plain);
  });
});
