import { jsonSchema, tool, type FinishReason, type JSONSchema7, type LanguageModelUsage, type ModelMessage, type ToolSet } from 'ai';
import type { LlmAdapter } from './adapters/llm-adapter.js';
import { LlmError, type LlmFinishReason, type LlmMessage, type LlmRequest, type LlmToolDefinition, type LlmUsage } from './llm-client.js';

/** The default for `LlmRequest.idleTimeoutMs`: two minutes without data from the provider. */
export const defaultIdleTimeoutMs = 120_000;

/** Builds AI SDK tools without `execute`: the SDK reports tool calls and stops; the caller runs the tools. */
export function buildTools(definitions: LlmToolDefinition[] | undefined): ToolSet | undefined {
  if (definitions === undefined || definitions.length === 0) return undefined;
  const tools: ToolSet = {};
  for (const definition of definitions) {
    tools[definition.name] = tool({ description: definition.description, inputSchema: jsonSchema(definition.inputSchema as JSONSchema7) });
  }
  return tools;
}

/**
 * Converts one port message to the AI SDK's: user images become `image` parts, assistant tool calls `tool-call`
 * parts, tool results `tool-result`.
 */
export function toModelMessage(message: LlmMessage): ModelMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      if (typeof message.content === 'string') return { role: 'user', content: message.content };
      return {
        role: 'user',
        content: message.content.map((part) =>
          part.type === 'text' ? { type: 'text' as const, text: part.text } : { type: 'image' as const, image: part.data, mediaType: part.mimeType }),
      };
    case 'assistant': {
      if (message.toolCalls === undefined || message.toolCalls.length === 0) return { role: 'assistant', content: message.content };
      const text = message.content === '' ? [] : [{ type: 'text' as const, text: message.content }];
      const calls = message.toolCalls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.toolCallId, toolName: call.toolName, input: call.args }));
      return { role: 'assistant', content: [...text, ...calls] };
    }
    case 'tool':
      return {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: message.toolCallId, toolName: message.toolName, output: { type: 'text', value: message.content } }],
      };
  }
}

/**
 * The options `streamText` and `generateText` share. `maxRetries: 0` because retries are ours (they must stop
 * once a part reached the caller); `onError` is silenced because the SDK's default logs the error, request
 * body included, to the console.
 */
export function buildCallOptions(request: LlmRequest, adapter: LlmAdapter, fetch: typeof globalThis.fetch, abortSignal: AbortSignal) {
  const messages = request.messages.map(toModelMessage);
  const providerOptions = adapter.providerOptions(request);
  const maxOutputTokens = request.maxOutputTokens ?? adapter.defaultMaxOutputTokens;
  const tools = buildTools(request.tools);
  return {
    model: adapter.languageModel(request.target, fetch),
    messages,
    maxRetries: 0,
    abortSignal,
    ...(request.system === undefined ? {} : { system: request.system }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
    ...(tools === undefined ? {} : { tools }),
    ...(providerOptions === undefined ? {} : { providerOptions }),
  };
}

/** Maps the SDK's finish reason onto ours (`error` becomes `other`: a failed stream throws instead). */
export function mapFinishReason(reason: FinishReason): LlmFinishReason {
  return reason === 'error' ? 'other' : reason;
}

/** Token counts, 0 when the provider did not say. */
export function mapUsage(usage: LanguageModelUsage | undefined): LlmUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

/** The error an idle timeout raises. */
export function idleTimeoutError(idleTimeoutMs: number): LlmError {
  const seconds = Math.max(1, Math.round(idleTimeoutMs / 1000));
  return new LlmError('timeout', `The provider sent nothing for ${seconds} seconds, so the request was stopped.`, true);
}

/**
 * Aborts `controller` after `idleTimeoutMs` without activity. Cheap per token: `touch()` only records the time;
 * one timer checks when the deadline may have passed and re-arms itself for the rest (no clearTimeout/setTimeout
 * churn per part). Paused while the caller holds a part, so a slow consumer is not mistaken for a silent provider.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;
  private isPaused = false;
  hasFired = false;

  constructor(private readonly idleTimeoutMs: number, private readonly controller: AbortController) {}

  /** Starts (or resumes) counting from now. */
  restart(): void {
    this.lastActivity = Date.now();
    this.isPaused = false;
    this.timer ??= setTimeout(this.check, this.idleTimeoutMs);
  }

  /** Records activity (data from the provider). */
  touch(): void {
    this.lastActivity = Date.now();
  }

  /** Stops counting until the next `restart()` (the caller is holding a part). */
  pause(): void {
    this.isPaused = true;
  }

  /** Stops for good (the timer can be restarted). */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly check = (): void => {
    const quietMs = Date.now() - this.lastActivity;
    if (this.isPaused || quietMs < this.idleTimeoutMs) {
      this.timer = setTimeout(this.check, this.isPaused ? this.idleTimeoutMs : this.idleTimeoutMs - quietMs);
      return;
    }
    this.timer = undefined;
    this.hasFired = true;
    this.controller.abort(idleTimeoutError(this.idleTimeoutMs));
  };
}
