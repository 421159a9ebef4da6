/**
 * Everything with a side effect reaches the engine through these ports; the server implements them (LLM
 * providers, the tool registry, the SSRF-guarded HTTP client, the sandbox, the agents service, crypto).
 * Every call that can take time receives the block's AbortSignal and must stop when it fires.
 */
import type { RecordedError } from './errors.js';

/** A chat message in the OpenAI shape, reduced to what the mini-agent needs. */
export interface LlmMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  toolCalls?: LlmToolCall[];
  toolCallId?: string;
}

export interface LlmToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export interface LlmToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  userId: string;
  /** `provider:model` id, or undefined for the server's default model. */
  model: string | undefined;
  messages: LlmMessage[];
  tools?: LlmToolDefinition[];
  temperature?: number;
  /** Structured output: the provider should answer JSON matching `schema` (native or prompt-based). */
  responseFormat?: { type: 'json_schema'; name: string; schema: Record<string, unknown> };
}

export interface LlmResponse {
  content: string | null;
  toolCalls: LlmToolCall[];
  finishReason: 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'error';
  model?: string;
  usage?: { input: number; output: number };
}

/** A chat completion (no streaming); throw errors with `status` or `isTransient` so retries can classify them. */
export interface LlmPort {
  complete(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse>;
}

export interface ToolDescriptor extends LlmToolDefinition {
  integration?: string;
}

export interface ToolRunRequest {
  userId: string;
  name: string;
  arguments: Record<string, unknown>;
  /** Credential ids chosen on the block; the server resolves them (the engine never sees secrets). */
  credentialIds: string[];
}

/** The tool registry for one user. `run` resolves with the tool's output or throws; `isError` marks a soft failure. */
export interface ToolsPort {
  list(userId: string): Promise<ToolDescriptor[]>;
  run(request: ToolRunRequest, signal: AbortSignal): Promise<{ output: unknown; isError?: boolean }>;
}

export interface HttpPortRequest {
  userId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A credential reference the server resolves and applies as auth (bearer, basic or API key header). */
  credentialId?: string;
  timeoutMs: number;
}

export interface HttpPortResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Outbound HTTP through the server's SSRF-guarded client. */
export interface HttpPort {
  request(request: HttpPortRequest, signal: AbortSignal): Promise<HttpPortResponse>;
}

export interface SandboxRequest {
  userId: string;
  language: 'python' | 'javascript';
  code: string;
  input: unknown;
  timeoutMs: number;
}

/** Sandboxed code (Pyodide / isolated JS) from the tools issue. */
export interface SandboxPort {
  run(request: SandboxRequest, signal: AbortSignal): Promise<{ result: unknown; stdout: string; stderr: string }>;
}

export interface RunAgentRequest {
  userId: string;
  agentId: string;
  input: unknown;
  /** Depth of the child run (1 for an agent called from a top-level run). */
  depth: number;
  /** Agent ids from the top-level run down to the caller; the server passes it back into the child's run options. */
  callChain: string[];
}

export interface RunAgentResult {
  status: 'completed' | 'partial' | 'failed' | 'cancelled';
  output: unknown;
  error?: RecordedError;
}

/** Another of the user's agents (sub_agent block). */
export type RunAgentPort = (request: RunAgentRequest, signal: AbortSignal) => Promise<RunAgentResult>;

/**
 * Signs an outbound webhook body with a secret the server holds (by reference: the server decides what a
 * `secretRef` names, e.g. a credential id or the running agent's webhook secret); returns headers to send.
 * `timestamp` is milliseconds since the epoch (from `now`).
 */
export type SignWebhookPort = (request: { userId: string; agentId: string | undefined; body: string; secretRef: string; timestamp: number }) => Promise<Record<string, string>>;

/** All ports. Time is a port too, so tests can drive timeouts and backoff deterministically. */
export interface EnginePorts {
  llm: LlmPort;
  tools: ToolsPort;
  http: HttpPort;
  sandbox: SandboxPort;
  runAgent: RunAgentPort;
  signWebhook: SignWebhookPort;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Random in [0, 1) for backoff jitter. */
  random(): number;
}

/** Real time, for the server: `now`, `sleep` (abortable) and Math.random. */
export const systemClock: Pick<EnginePorts, 'now' | 'sleep' | 'random'> = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(handle);
        reject(signal.reason);
      };
      const handle = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};
