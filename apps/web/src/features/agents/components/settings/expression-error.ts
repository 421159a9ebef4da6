import { compileExpression } from '@claraverse/engine';

/** The engine's syntax error for a JSONata expression, or undefined when it parses (or is empty). */
export function expressionError(expression: unknown): string | undefined {
  if (typeof expression !== 'string' || expression.trim() === '') return undefined;
  try {
    compileExpression(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
