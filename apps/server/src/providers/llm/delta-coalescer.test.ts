import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeltaCoalescer } from './delta-coalescer.js';
import type { LlmStreamPart } from './llm-client.js';

const text = (delta: string): LlmStreamPart => ({ type: 'text-delta', delta });
const reasoning = (delta: string): LlmStreamPart => ({ type: 'reasoning-delta', delta });
const finish: LlmStreamPart = { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 } };

describe('createDeltaCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp(maxChars = 1000) {
    const emitted: LlmStreamPart[] = [];
    const coalescer = createDeltaCoalescer({ windowMs: 15, maxChars, emit: (part) => emitted.push(part) });
    return { emitted, coalescer };
  }

  it('sends the first delta at once and merges the following ones until the window ends', () => {
    const { emitted, coalescer } = setUp();
    coalescer.push(text('Hello'));
    expect(emitted).toEqual([text('Hello')]);
    coalescer.push(text(' wor'));
    coalescer.push(text('ld'));
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(15);
    expect(emitted).toEqual([text('Hello'), text(' world')]);
    coalescer.push(text('!'));
    vi.advanceTimersByTime(15);
    expect(emitted.at(-1)).toEqual(text('!'));
  });

  it('flushes pending text before a part of another kind, keeping the order', () => {
    const { emitted, coalescer } = setUp();
    coalescer.push(reasoning('Think'));
    coalescer.push(reasoning('ing'));
    coalescer.push(text('An'));
    coalescer.push(text('swer'));
    coalescer.push(text('.'));
    coalescer.push({ type: 'tool-call', toolCallId: 'c1', toolName: 'tool', args: {} });
    coalescer.push(finish);
    expect(emitted).toEqual([
      reasoning('Think'), reasoning('ing'), text('An'), text('swer.'),
      { type: 'tool-call', toolCallId: 'c1', toolName: 'tool', args: {} }, finish,
    ]);
    vi.advanceTimersByTime(100);
    expect(emitted).toHaveLength(6);
  });

  it('sends at once when pending text reaches maxChars, and flush() empties it without a later timer message', () => {
    const { emitted, coalescer } = setUp(4);
    coalescer.push(text('a'));
    coalescer.push(text('bc'));
    coalescer.push(text('de'));
    expect(emitted).toEqual([text('a'), text('bcde')]);
    coalescer.push(text('f'));
    coalescer.flush();
    coalescer.flush();
    vi.advanceTimersByTime(100);
    expect(emitted).toEqual([text('a'), text('bcde'), text('f')]);
  });

  it('keeps the exact text over many deltas', () => {
    const { emitted, coalescer } = setUp(50);
    const words = Array.from({ length: 500 }, (_, index) => ` w${index}`);
    words.forEach((word, index) => {
      coalescer.push(text(word));
      if (index % 7 === 0) vi.advanceTimersByTime(15);
    });
    coalescer.flush();
    expect(emitted.length).toBeLessThan(words.length / 2);
    expect(emitted.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('')).toBe(words.join(''));
  });
});
