import { compileExpression, EngineError } from '@claraverse/engine';

/** The engine's message for a JSONata error, with the character position JSONata reports when there is one. */
export function describeExpressionError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = error instanceof EngineError ? error.details?.['position'] : undefined;
  return typeof position === 'number' ? `${message} (at character ${position})` : message;
}

/** The engine's syntax error for a JSONata expression (with its position), or undefined when it parses (or is empty). */
export function expressionError(expression: unknown): string | undefined {
  if (typeof expression !== 'string' || expression.trim() === '') return undefined;
  try {
    compileExpression(expression);
    return undefined;
  } catch (error) {
    return describeExpressionError(error);
  }
}
