import type { ChatErrorCode, ProviderKind } from '@claraverse/shared';

/**
 * The small, stable port every part of the server uses to talk to a language model (CONVENTIONS §2.9).
 * One implementation (`create-llm-client.ts`) sits on the Vercel AI SDK; tests talk to local doubles that
 * speak the providers' wire formats.
 */

/** Where a request goes: the provider's kind, base URL and decrypted key, and the upstream model name. */
export interface LlmTarget {
  kind: ProviderKind;
  /** e.g. `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`, `https://api.anthropic.com/v1`. */
  baseUrl: string;
  apiKey: string | null;
  /** The provider's model id (`gpt-4.1`, `claude-sonnet-4-5`, `llama3.2:3b`). */
  model: string;
}

/** A tool call the model made earlier in the conversation. */
export interface LlmToolCall {
  toolCallId: string;
  toolName: string;
  /** Parsed JSON arguments. */
  args: unknown;
}

/** A piece of a user message: text, or an image sent inline (vision models). */
export type LlmUserContentPart =
  | { type: 'text'; text: string }
  /** Raw image bytes (a Buffer works) and their type, e.g. `image/png`; sent as a base64 data URL. */
  | { type: 'image'; data: Uint8Array; mimeType: string };

/**
 * One message of the conversation. User messages are text, or parts when they carry images; assistant
 * messages may carry the tool calls the model made; `tool` messages carry a tool's result (as text) for one call.
 */
export type LlmMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | LlmUserContentPart[] }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; toolName: string; content: string };

/** A tool the model may call (filled by the tools issue). `inputSchema` is JSON Schema. */
export interface LlmToolDefinition {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface LlmRequest {
  target: LlmTarget;
  messages: LlmMessage[];
  system?: string;
  /** 0–2. */
  temperature?: number;
  maxOutputTokens?: number;
  /** Ask reasoning models to think (provider options where supported). */
  reasoning?: boolean;
  tools?: LlmToolDefinition[];
  /** Aborting closes the upstream HTTP request. */
  signal: AbortSignal;
  /** Milliseconds without any data from the provider before the request fails with `timeout`. Default 120 000. */
  idleTimeoutMs?: number;
  /**
   * Called when the provider accepted a streamed request (HTTP 2xx), before its first part (again for each retried
   * attempt): a relay can open its own stream then, as the provider did, instead of at the first token (decision
   * 0013). The lean OpenAI-compatible path (decision 0005) calls it on the response headers; providers behind the AI
   * SDK call it at the provider's first event (Anthropic's `message_start`; with Google that is the first token).
   */
  onResponseStart?: () => void;
}

export type LlmFinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'other';

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

export type LlmStreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'reasoning-delta'; delta: string }
  | { type: 'tool-call'; toolCallId: string; toolName: string; args: unknown }
  | { type: 'finish'; finishReason: LlmFinishReason; usage: LlmUsage };

/** A provider failure, classified so callers can tell the user what happened and whether a retry may help. */
export class LlmError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
    readonly retryable: boolean,
    /** Upstream HTTP status, when there was one. */
    readonly status?: number,
    /** True when the provider refused the request because the model cannot use tools. */
    readonly isToolsUnsupported = false,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface ListedModel {
  /** The provider's model id. */
  name: string;
  displayName?: string;
  contextLength?: number;
}

export interface LlmClient {
  /**
   * Streams a reply. 429/5xx/connection failures before the first part are retried (3 tries, backoff with
   * jitter); after the first part, failures surface as an LlmError (`stream_interrupted`, …).
   * @throws LlmError
   */
  streamChat(request: LlmRequest): AsyncIterable<LlmStreamPart>;
  /** A whole reply at once (titles, summaries, tests). @throws LlmError */
  complete(request: LlmRequest): Promise<{ text: string; finishReason: LlmFinishReason; usage: LlmUsage; toolCalls?: LlmToolCall[] }>;
  /** The provider's model list (OpenAI `/models`, Anthropic `/v1/models`, Google, Ollama). @throws LlmError */
  listModels(target: Omit<LlmTarget, 'model'>, signal?: AbortSignal): Promise<ListedModel[]>;
}
