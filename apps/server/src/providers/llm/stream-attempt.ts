import { streamText, type TextStreamPart, type ToolSet } from 'ai';
import type { LlmAdapter } from './adapters/llm-adapter.js';
import { IdleTimer, buildCallOptions, defaultIdleTimeoutMs, idleTimeoutError, mapFinishReason, mapUsage } from './call-options.js';
import type { LlmRequest, LlmStreamPart } from './llm-client.js';

/** Maps one AI SDK stream part to ours; parts we do not expose (step markers, tool-input deltas …) map to undefined. */
export function mapStreamPart(part: TextStreamPart<ToolSet>): LlmStreamPart | undefined {
  switch (part.type) {
    case 'text-delta':
      return part.text === '' ? undefined : { type: 'text-delta', delta: part.text };
    case 'reasoning-delta':
      return part.text === '' ? undefined : { type: 'reasoning-delta', delta: part.text };
    case 'tool-call':
      return { type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, args: part.input };
    case 'finish':
      return { type: 'finish', finishReason: mapFinishReason(part.finishReason), usage: mapUsage(part.totalUsage) };
    default:
      return undefined;
  }
}

/**
 * One streaming call, without retries. Ends quietly when `request.signal` aborts; throws the raw failure
 * (classified by the caller) or an `LlmError('timeout')` when the provider goes quiet for `idleTimeoutMs`.
 * Leaving the loop early (break, throw, abort) aborts the upstream request, which closes its connection.
 */
export async function* streamAttempt(request: LlmRequest, adapter: LlmAdapter, fetch: typeof globalThis.fetch): AsyncGenerator<LlmStreamPart> {
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(request.signal.reason);
  if (request.signal.aborted) return;
  request.signal.addEventListener('abort', forwardAbort, { once: true });
  const idleTimeoutMs = request.idleTimeoutMs ?? defaultIdleTimeoutMs;
  const idle = new IdleTimer(idleTimeoutMs, controller);
  try {
    idle.restart();
    const result = streamText({ ...buildCallOptions(request, adapter, fetch, controller.signal), onError: () => undefined });
    for await (const part of result.fullStream) {
      if (part.type === 'error') throw part.error;
      if (part.type === 'abort') break;
      // The SDK marks a step's start at the provider's first event after an accepted (2xx) response.
      if (part.type === 'start-step') request.onResponseStart?.();
      const mapped = mapStreamPart(part);
      if (mapped === undefined) {
        idle.touch();
        continue;
      }
      idle.pause();
      yield mapped;
      idle.restart();
    }
    if (idle.hasFired) throw idleTimeoutError(idleTimeoutMs);
  } catch (error) {
    if (idle.hasFired) throw idleTimeoutError(idleTimeoutMs);
    if (request.signal.aborted) return;
    throw error;
  } finally {
    idle.stop();
    request.signal.removeEventListener('abort', forwardAbort);
    controller.abort();
  }
}
