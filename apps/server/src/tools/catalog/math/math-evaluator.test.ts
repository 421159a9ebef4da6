import { afterAll, describe, expect, it } from 'vitest';
import { createMathEvaluator } from './math-evaluator.js';

// A generous deadline so the heap cap, not the clock, is what stops the calculation.
const evaluator = createMathEvaluator({ timeoutMs: 60_000, maxHeapMb: 64, maxRangeLength: 100_000 });
afterAll(() => evaluator.close());

describe('createMathEvaluator', () => {
  it('kills a calculation that outgrows the heap cap, then starts a fresh worker for the next', async () => {
    expect(await evaluator.evaluate('size(transpose([1:20000]) * [1:20000])')).toEqual({ ok: false, reason: 'memory' });
    expect(await evaluator.evaluate('2 + 2')).toEqual({ ok: true, evaluation: { text: '4', type: 'number', value: 4 } });
  }, 120_000);

  it('answers jobs in the order they came', async () => {
    const outcomes = await Promise.all(['1 + 1', 'nope(', '3 * 3'].map((expression) => evaluator.evaluate(expression)));
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.evaluation.text : outcome.reason))).toEqual(['2', 'error', '9']);
  });
});
