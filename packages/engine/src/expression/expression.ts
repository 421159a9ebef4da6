import jsonata from 'jsonata';
import { EngineError } from '../errors.js';

/**
 * JSONata for conditions and transforms (never JavaScript eval). Expressions are compiled once and cached by
 * their text, so re-preparing the same workflow (or many workflows sharing expressions) parses nothing.
 * Block ids contain hyphens, so in JSONata they are written in backticks: `` `news-researcher`.response ``.
 */

export interface CompiledExpression {
  readonly source: string;
  evaluate(scope: Record<string, unknown>): Promise<unknown>;
}

const cacheLimit = 5_000;

/**
 * JSONata's own guardrails: evaluation stops with an error after 1 s or 500 nested steps, so an expression
 * (which runs on the event loop, without a block timer) cannot stall the process.
 */
const guardrails = { timeout: 1_000, stack: 500 };
const cache = new Map<string, CompiledExpression>();

/** Parses an expression; throws EngineError `EXPRESSION_INVALID` with the position on a syntax error. */
export function compileExpression(source: string): CompiledExpression {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, guardrails);
  } catch (error) {
    const detail = error as { message?: string; position?: number };
    throw new EngineError('EXPRESSION_INVALID', `Invalid expression: ${detail.message ?? String(error)}`, {
      details: { expression: source, position: detail.position },
    });
  }
  const compiled: CompiledExpression = {
    source,
    evaluate: async (scope) => {
      try {
        return await expression.evaluate(scope);
      } catch (error) {
        const detail = error as { message?: string; position?: number };
        throw new EngineError('EXPRESSION_FAILED', `Expression failed: ${detail.message ?? String(error)}`, {
          details: { expression: source, position: detail.position },
        });
      }
    },
  };
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}

/** Checks syntax without throwing: the error message, or undefined when the expression parses. */
export function checkExpression(source: string): string | undefined {
  try {
    compileExpression(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
