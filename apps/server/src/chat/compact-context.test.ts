import { describe, expect, it } from 'vitest';
import { estimateTokens, planCompaction, truncateLongTurn } from './compact-context.js';

const turn = (role: 'user' | 'assistant', chars: number) => ({ role, content: 'x'.repeat(chars) });

describe('context compaction planning', () => {
  it('keeps a conversation that fits untouched', () => {
    const turns = [turn('user', 400), turn('assistant', 400)];
    expect(planCompaction(turns, 8_000)).toEqual({ toSummarise: [], recent: turns });
  });

  it('summarises older turns and keeps the recent ones that fit in half the window', () => {
    // 10 turns of ~1,010 tokens each = ~10,100 tokens > 75 % of 8,000.
    const turns = Array.from({ length: 10 }, (_, index) => turn(index % 2 === 0 ? 'user' : 'assistant', 4_000));
    const plan = planCompaction(turns, 8_000);
    expect(plan.toSummarise.length + plan.recent.length).toBe(10);
    expect(plan.recent.length).toBe(3);
    expect(estimateTokens(plan.recent)).toBeLessThanOrEqual(4_000);
    expect(plan.toSummarise.length).toBe(7);
  });

  it('always keeps the last two turns verbatim even when they alone are large', () => {
    const turns = [turn('user', 100), turn('assistant', 100), turn('user', 40_000), turn('assistant', 40_000)];
    const plan = planCompaction(turns, 8_000);
    expect(plan.recent).toHaveLength(2);
  });

  it('cuts a single huge message to its head and tail', () => {
    const long = { role: 'user' as const, content: `${'a'.repeat(60_000)}${'z'.repeat(20_000)}` };
    const cut = truncateLongTurn(long);
    expect(cut.content.length).toBeLessThan(38_000);
    expect(cut.content.startsWith('a'.repeat(25_000))).toBe(true);
    expect(cut.content.endsWith('z'.repeat(12_500))).toBe(true);
    expect(cut.content).toContain('characters omitted');
  });
});
