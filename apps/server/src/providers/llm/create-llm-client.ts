import type { ProviderKind } from '@claraverse/shared';
import { generateText } from 'ai';
import { anthropicAdapter } from './adapters/anthropic.js';
import { googleAdapter } from './adapters/google.js';
import type { JsonGetter, LlmAdapter } from './adapters/llm-adapter.js';
import { openAiCompatibleAdapter } from './adapters/openai-compatible.js';
import { openAiAdapter } from './adapters/openai.js';
import { IdleTimer, buildCallOptions, defaultIdleTimeoutMs, idleTimeoutError, mapFinishReason, mapUsage } from './call-options.js';
import { classifyError, classifyHttpFailure, type LlmOperation, readProviderMessage } from './classify-error.js';
import { LlmError, type ListedModel, type LlmClient, type LlmRequest, type LlmStreamPart } from './llm-client.js';
import { defaultRetryPolicy, retryDelayMs, waitUnlessAborted, type RetryPolicy } from './retry.js';
import { streamOpenAiChat } from './openai-stream.js';
import { streamAttempt } from './stream-attempt.js';

/** How `createLlmClient` reaches providers. */
export interface LlmClientOptions {
  /** Used for every provider HTTP call (chat and model listing). Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Default: 3 attempts, 300 ms base delay (doubling, with jitter), delays capped at 20 s. */
  retry?: RetryPolicy;
  /**
   * How `openai` and `openai-compatible` replies are streamed: `lean` (default) over `node:http(s)` with our own
   * SSE reader (docs/decisions/0005; `fetch` is not used for them), or `sdk` through the AI SDK like the others.
   */
  openAiStreams?: 'lean' | 'sdk';
}

const adapters: Record<ProviderKind, LlmAdapter> = {
  openai: openAiAdapter,
  'openai-compatible': openAiCompatibleAdapter,
  anthropic: anthropicAdapter,
  google: googleAdapter,
};

/** Thrown by `complete` and `listModels` when the caller's signal aborts: a DOMException named `AbortError`. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The request was aborted.', 'AbortError');
}

/** Only rate limits and unavailable providers are retried here; a timeout already waited `idleTimeoutMs`. */
function isAutomaticallyRetried(error: LlmError): boolean {
  return error.retryable && (error.code === 'rate_limited' || error.code === 'provider_unavailable');
}

/**
 * Runs `attempt` up to `policy.attempts` times while it fails with a retryable error, waiting between tries.
 * Resolves undefined when `signal` aborts. @throws LlmError
 */
async function withRetry<T>(policy: RetryPolicy, signal: AbortSignal, apiKey: string | null, operation: LlmOperation, attempt: () => Promise<T>): Promise<T | undefined> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) return undefined;
      const failure = classifyError(error, apiKey, operation);
      if (!isAutomaticallyRetried(failure.error) || attemptNumber >= policy.attempts) throw failure.error;
      if (!(await waitUnlessAborted(retryDelayMs(attemptNumber, policy, failure.retryAfterMs), signal))) return undefined;
    }
  }
}

/**
 * Streams with retries before the first part. After a part reached the caller a failure is never retried: it
 * becomes `stream_interrupted` (an idle timeout stays `timeout`). Ends quietly when the caller aborts.
 */
async function* streamWithRetry(request: LlmRequest, attempt: () => AsyncGenerator<LlmStreamPart>, policy: RetryPolicy): AsyncGenerator<LlmStreamPart> {
  const apiKey = request.target.apiKey;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    let hasYielded = false;
    try {
      for await (const part of attempt()) {
        hasYielded = true;
        yield part;
      }
      return;
    } catch (error) {
      if (request.signal.aborted) return;
      const failure = classifyError(error, apiKey, 'chat');
      if (hasYielded) {
        if (failure.error.code === 'timeout') throw failure.error;
        throw new LlmError('stream_interrupted', 'The reply was cut off because the connection to the provider broke.', true, failure.error.status);
      }
      if (!isAutomaticallyRetried(failure.error) || attemptNumber >= policy.attempts) throw failure.error;
      if (!(await waitUnlessAborted(retryDelayMs(attemptNumber, policy, failure.retryAfterMs), request.signal))) return;
    }
  }
}

async function completeOnce(request: LlmRequest, adapter: LlmAdapter, fetch: typeof globalThis.fetch) {
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(request.signal.reason);
  request.signal.addEventListener('abort', forwardAbort, { once: true });
  const idleTimeoutMs = request.idleTimeoutMs ?? defaultIdleTimeoutMs;
  // A non-streamed reply sends nothing until it is done, so here the idle timeout bounds the whole call.
  const idle = new IdleTimer(idleTimeoutMs, controller);
  idle.restart();
  try {
    const result = await generateText(buildCallOptions(request, adapter, fetch, controller.signal));
    const toolCalls = result.toolCalls.map((call) => ({ toolCallId: call.toolCallId, toolName: call.toolName, args: call.input }));
    return {
      text: result.text, finishReason: mapFinishReason(result.finishReason), usage: mapUsage(result.totalUsage),
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
    };
  } catch (error) {
    throw idle.hasFired ? idleTimeoutError(idleTimeoutMs) : error;
  } finally {
    idle.stop();
    request.signal.removeEventListener('abort', forwardAbort);
  }
}


function createJsonGetter(fetch: typeof globalThis.fetch, apiKey: string | null, signal: AbortSignal | undefined): JsonGetter {
  return async (url, headers) => {
    const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, ...(signal === undefined ? {} : { signal }) });
    const text = await response.text();
    if (!response.ok) {
      throw classifyHttpFailure({ status: response.status, providerMessage: readProviderMessage(text), responseBody: text, headers: response.headers }, apiKey, 'list-models').error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new LlmError('invalid_request', 'The base URL did not answer like a model provider. Check the base URL in the provider settings.', false, response.status);
    }
  };
}

/**
 * Creates the `LlmClient` that talks to providers through the Vercel AI SDK, one adapter per provider kind.
 *
 * Abort: when `request.signal` aborts, `streamChat`'s iterator ends quietly (no `finish` part, no error) after
 * closing the upstream connection; `complete` and `listModels` reject with the signal's reason (a DOMException
 * named `AbortError` by default), never with an `LlmError`.
 */
export function createLlmClient(options: LlmClientOptions = {}): LlmClient {
  const fetch = options.fetch ?? globalThis.fetch;
  const policy = options.retry ?? defaultRetryPolicy;
  return {
    streamChat(request) {
      const kind = request.target.kind;
      const isLean = options.openAiStreams !== 'sdk' && (kind === 'openai' || kind === 'openai-compatible');
      return streamWithRetry(request, isLean ? () => streamOpenAiChat(request) : () => streamAttempt(request, adapters[kind], fetch), policy);
    },
    async complete(request) {
      const result = await withRetry(policy, request.signal, request.target.apiKey, 'chat', () => completeOnce(request, adapters[request.target.kind], fetch));
      if (result === undefined) throw abortError(request.signal);
      return result;
    },
    async listModels(target, signal) {
      const neverAborted = new AbortController().signal;
      const getJson = createJsonGetter(fetch, target.apiKey, signal);
      const models = await withRetry<ListedModel[]>(policy, signal ?? neverAborted, target.apiKey, 'list-models', () => adapters[target.kind].listModels(target, getJson));
      if (models === undefined) throw abortError(signal ?? neverAborted);
      return models.sort((left, right) => left.name.localeCompare(right.name));
    },
  };
}
