import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression } from './expression.js';

describe('compileExpression', () => {
  it('evaluates over the scope, with hyphenated block ids in backticks', async () => {
    const expression = compileExpression('`news-researcher`.count + input.n');
    expect(await expression.evaluate({ input: { n: 2 }, 'news-researcher': { count: 3 } })).toBe(5);
  });

  it('returns the same compiled expression for the same text', () => {
    expect(compileExpression('input.a')).toBe(compileExpression('input.a'));
  });

  it('reports syntax errors with the position', () => {
    expect(() => compileExpression('input.a +')).toThrowError(expect.objectContaining({ code: 'EXPRESSION_INVALID' }));
    expect(checkExpression('(')).toMatch(/^Invalid expression: /);
  });

  it('stops runaway recursion with an error instead of stalling', async () => {
    const expression = compileExpression('($f := function($n) { $f($n + 1) }; $f(0))');
    await expect(expression.evaluate({})).rejects.toMatchObject({ code: 'EXPRESSION_FAILED' });
  });

  it('cannot reach JavaScript: no eval, no globals', async () => {
    expect(await compileExpression('$eval("1 + 1")').evaluate({})).toBe(2);
    await expect(compileExpression('$eval("process")').evaluate({})).resolves.toBeUndefined();
    await expect(compileExpression('input.constructor.constructor("return process")()').evaluate({ input: {} })).resolves.toBeUndefined();
  });
});
