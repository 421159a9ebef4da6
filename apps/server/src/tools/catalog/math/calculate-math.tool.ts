import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';
import { createMathEvaluator } from './math-evaluator.js';

/** Longest expression accepted, characters. */
export const maxExpressionLength = 1_000;

/** One calculator per process, shared by every call (its worker starts on first use). */
const evaluator = createMathEvaluator({ timeoutMs: 3_000, maxHeapMb: 128, maxRangeLength: 100_000 });

export const calculateMathTool = defineTool({
  name: 'calculate_math',
  displayName: 'Calculate Math',
  description:
    'Evaluates a math expression exactly instead of guessing: arithmetic (+ - * / ^ % !), functions (sqrt, log, ln→log, ' +
    'exp, abs, floor, ceil, round, sin, cos, tan and inverses, gcd, lcm, factorial, combinations, mean, median, std, sum), ' +
    'constants (pi, e), matrices ([1, 2; 3, 4], det, inv, transpose), ranges (1:10), unit conversion (5 km to mile, ' +
    '100 degF to degC) and several statements separated by ";" (a = 3; a^2). Returns the result as text and, for a plain ' +
    'number, as a number.',
  icon: 'Calculator',
  category: 'math',
  keywords: ['math', 'calculate', 'calculator', 'arithmetic', 'equation', 'compute', 'units', 'convert', 'matrix', 'statistics'],
  inputSchema: z.object({
    expression: z
      .string()
      .trim()
      .min(1, 'Give an expression to calculate')
      .max(maxExpressionLength, `Keep the expression under ${maxExpressionLength} characters`)
      .describe('A mathjs expression, e.g. "sqrt(2) * 10^3" or "12 inch to cm"'),
  }),
  async execute({ expression }) {
    const outcome = await evaluator.evaluate(expression);
    if (!outcome.ok) {
      if (outcome.reason === 'timeout') throw new AppError('validation_failed', `"${expression}" takes too long to calculate (over 3 seconds); simplify it or split it up.`);
      if (outcome.reason === 'memory') throw new AppError('validation_failed', `"${expression}" needs more memory than the calculator has; use smaller numbers or matrices.`);
      throw new AppError('validation_failed', `Could not calculate "${expression}": ${outcome.message}.`);
    }
    const { text, type, value } = outcome.evaluation;
    return { result: { expression, result: text, type, ...(value !== undefined && Number.isFinite(value) ? { value } : {}) } };
  },
});
