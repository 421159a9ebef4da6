import { AppError } from '../platform/errors/app-error.js';
import type { ToolContext, ToolPlot } from './define-tool.js';
import { ToolArgumentsError, type RegisteredTool } from './tool-registry.js';

/** Characters of a tool result the model gets; the browser's card gets the whole result. */
export const maxModelResultChars = 40_000;

export interface ToolCallOutcome {
  status: 'completed' | 'failed';
  /** For the browser's tool card: the tool's result, or `{ error }` when it failed. */
  result: unknown;
  /** Images for the browser only. */
  plots: ToolPlot[];
  /** What the model reads: the result as JSON text without plots, truncated. */
  modelContent: string;
}

class ToolTimeoutError extends Error {}

function toModelContent(result: unknown, plotCount: number): string {
  const value = plotCount > 0 && result !== null && typeof result === 'object' && !Array.isArray(result)
    ? { ...(result as Record<string, unknown>), plotCount, note: `${plotCount} image(s) were shown to the user.` }
    : result;
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return text.length > maxModelResultChars ? `${text.slice(0, maxModelResultChars)}… [truncated: ${text.length} characters in all]` : text;
}

function failureMessage(error: unknown, tool: RegisteredTool, timeoutMs: number): string {
  if (error instanceof ToolTimeoutError) return `${tool.displayName} did not finish within ${timeoutMs < 1_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped.`;
  if (error instanceof ToolArgumentsError || error instanceof AppError) return error.message;
  if (error instanceof Error && error.message) return `${tool.displayName} failed: ${error.message.slice(0, 500)}`;
  return `${tool.displayName} failed.`;
}

function failed(message: string): ToolCallOutcome {
  return { status: 'failed', result: { error: message }, plots: [], modelContent: JSON.stringify({ error: message }) };
}

/**
 * Runs one tool call with its own deadline. Never throws: unknown tools, bad arguments, errors and timeouts
 * become a `failed` outcome whose message the model reads (so it can correct itself) and the user sees. A
 * tool that ignores its abort signal is abandoned at the deadline, not awaited.
 */
export async function runToolCall(
  tool: RegisteredTool | undefined,
  call: { toolName: string; args: unknown },
  context: ToolContext,
  defaultTimeoutMs: number,
): Promise<ToolCallOutcome> {
  if (!tool) return failed(`There is no tool named "${call.toolName}". Use one of the tools you were given.`);
  const timeoutMs = tool.timeoutMs ?? defaultTimeoutMs;
  const deadline = new AbortController();
  const signal = AbortSignal.any([context.signal, deadline.signal]);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.abort(new ToolTimeoutError());
      reject(new ToolTimeoutError());
    }, timeoutMs);
  });
  const cancelled = new Promise<never>((_, reject) => {
    if (context.signal.aborted) reject(new Error('cancelled'));
    context.signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
  });
  try {
    const output = await Promise.race([tool.run(call.args, { ...context, signal }), expired, cancelled]);
    const plots = output.plots ?? [];
    return { status: 'completed', result: output.result, plots, modelContent: toModelContent(output.result, plots.length) };
  } catch (error) {
    if (context.signal.aborted) return failed('Stopped.');
    if (!(error instanceof ToolArgumentsError || error instanceof ToolTimeoutError || error instanceof AppError)) {
      context.logger.warn({ tool: tool.name, err: error instanceof Error ? error.name : typeof error }, 'tool call failed');
    }
    return failed(failureMessage(error, tool, timeoutMs));
  } finally {
    clearTimeout(timer);
  }
}
