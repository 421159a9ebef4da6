import { describe, expect, it } from 'vitest';
import { CappedText } from './capped-text.js';

describe('CappedText', () => {
  it('keeps text up to the cap and says how much it dropped', () => {
    const text = new CappedText(10);
    text.append('hello ');
    text.append(Buffer.from('world, and more'));
    expect(text.truncated).toBe(true);
    expect(text.text()).toBe('hello worl\n[output truncated: 11 more bytes were not kept]');
  });

  it('does not end in half a character when the cap cuts one', () => {
    const text = new CappedText(4);
    text.append('abcé');
    expect(text.text()).toBe('abc\n[output truncated: 1 more bytes were not kept]');
  });

  it('adds notes on their own lines, whatever the cap', () => {
    const text = new CappedText(100);
    text.append('partial line');
    text.appendNote('The run was cancelled.');
    expect(text.text()).toBe('partial line\nThe run was cancelled.\n');
    expect(new CappedText(0).text()).toBe('');
  });
});
