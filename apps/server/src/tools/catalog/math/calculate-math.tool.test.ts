import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createTestToolContext } from '../../test-support.js';
import { calculateMathTool } from './calculate-math.tool.js';

const context = createTestToolContext();

async function calculate(expression: string) {
  return (await calculateMathTool.execute(calculateMathTool.inputSchema.parse({ expression }), context)).result;
}

async function refusal(expression: string): Promise<AppError> {
  const error = await calculate(expression).then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('calculate_math', () => {
  it.each([
    ['2 + 3 * 4', '14', 14],
    ['(2 + 3) * 4', '20', 20],
    ['2^10', '1024', 1024],
    ['10 % 3', '1', 1],
    ['5!', '120', 120],
    ['sqrt(16) + abs(-2)', '6', 6],
    ['sin(pi / 2)', '1', 1],
    ['log(e)', '1', 1],
    ['log10(1000)', '3', 3],
    ['round(pi, 3)', '3.142', 3.142],
    ['floor(7.9) + ceil(0.1)', '8', 8],
    ['mean(1, 2, 3, 4)', '2.5', 2.5],
    ['sum(1:100)', '5050', 5050],
    ['a = 3; b = 4; sqrt(a^2 + b^2)', '5', 5],
    ['0.1 + 0.2', '0.3', 0.30000000000000004],
  ])('calculates %s = %s', async (expression, text, value) => {
    expect(await calculate(expression)).toEqual({ expression, result: text, type: 'number', value });
  });

  it('handles matrices, units and complex numbers, returning text and the type', async () => {
    expect(await calculate('det([1, 2; 3, 4])')).toMatchObject({ result: '-2', value: -2 });
    expect(await calculate('[1, 2, 3] * 2')).toEqual({ expression: '[1, 2, 3] * 2', result: '[2, 4, 6]', type: 'DenseMatrix' });
    expect(await calculate('5 km to mile')).toMatchObject({ result: '3.1068559611867 mile', type: 'Unit' });
    expect(await calculate('sqrt(-4)')).toMatchObject({ result: '2i', type: 'Complex' });
    expect(await calculate('1 / 0')).toEqual({ expression: '1 / 0', result: 'Infinity', type: 'number' });
  });

  it('explains a syntax error or an unknown name', async () => {
    const syntax = await refusal('2 +* 3');
    expect(syntax.code).toBe('validation_failed');
    expect(syntax.message).toMatch(/^Could not calculate "2 \+\* 3": Value expected/);
    expect((await refusal('foo + 1')).message).toBe('Could not calculate "foo + 1": Undefined symbol foo.');
  });

  it.each([
    'import({ x: 1 })',
    'evaluate("1 + 1")',
    'parse("1 + 1")',
    'compile("1")',
    'simplify("x + x")',
    'derivative("x^2", "x")',
    'createUnit("foo")',
    'zeros(100000, 100000)',
  ])('refuses %s (disabled in this calculator)', async (expression) => {
    expect((await refusal(expression)).message).toMatch(/is not available in this calculator/);
  });

  it('does not reach JavaScript through property access', async () => {
    for (const expression of ['cos.constructor("return process")()', '[].constructor.constructor("return 1")()', 'f = cos; f.constructor']) {
      const error = await refusal(expression);
      expect(error.code).toBe('validation_failed');
    }
  });

  it('caps ranges so a few characters cannot fill memory', async () => {
    expect((await refusal('sum(1:1e9)')).message).toMatch(/ranges are limited to 100000 elements/);
  });

  it('stops a calculation that runs too long, and keeps working afterwards', async () => {
    const error = await refusal('f(n) = n > 0 ? f(n - 1) + f(n - 1) : 1; f(60)');
    expect(error.message).toBe('"f(n) = n > 0 ? f(n - 1) + f(n - 1) : 1; f(60)" takes too long to calculate (over 3 seconds); simplify it or split it up.');
    expect(await calculate('6 * 7')).toMatchObject({ value: 42 });
  });

  it('refuses an empty or overlong expression through its schema', () => {
    expect(calculateMathTool.inputSchema.safeParse({ expression: '  ' }).success).toBe(false);
    expect(calculateMathTool.inputSchema.safeParse({ expression: '1+'.repeat(600) + '1' }).success).toBe(false);
  });
});
