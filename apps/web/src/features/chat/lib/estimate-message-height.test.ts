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

  it('adds images, figures and forms to a reply, and the attached files to a question', () => {
    const call = { id: 't', name: 'generate_image', displayName: 'Generate Image', args: {}, status: 'completed' as const, result: null };
    const plain = estimateMessageHeight({ ...reply('Done.'), toolCalls: [call] }, 736);
    const withImage = estimateMessageHeight({ ...reply('Done.'), toolCalls: [{ ...call, images: [{ handle: 'img-1', fileId: 'f', mimeType: 'image/png' }] }] }, 736);
    const withPlots = estimateMessageHeight({ ...reply('Done.'), toolCalls: [{ ...call, plots: [{ format: 'png', data: '' }, { format: 'png', data: '' }] }] }, 736);
    expect(withImage).toBeGreaterThan(plain + 100);
    expect(withPlots).toBeGreaterThan(withImage);
    const form = { id: 'p', title: 'T', questions: [{ id: 'a', label: 'A', type: 'text' as const }], allowSkip: true, expiresAt: '', toolCallId: null, contentOffset: 0, status: 'waiting' as const };
    const oneQuestion = estimateMessageHeight({ ...reply('Done.'), prompts: [form] }, 736);
    expect(oneQuestion).toBeGreaterThan(estimateMessageHeight(reply('Done.'), 736) + 150);
    expect(estimateMessageHeight({ ...reply('Done.'), prompts: [{ ...form, questions: [...form.questions, ...form.questions] }] }, 736)).toBeGreaterThan(oneQuestion);
    const files = [{ fileId: 'f', filename: 'a.pdf', mimeType: 'application/pdf', size: 1 }];
    expect(estimateMessageHeight({ ...question('See file'), attachments: files }, 736)).toBeGreaterThan(estimateMessageHeight(question('See file'), 736));
  });
});
