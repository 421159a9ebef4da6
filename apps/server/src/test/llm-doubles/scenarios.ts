import { generateWords, groupTokens, splitIntoTokens } from './sse.js';

/** A tool call the double's model "decides" to make. `arguments` is sent as JSON text, split over several deltas. */
export interface DoubleToolCall {
  /** Defaults to `call_<n>` (OpenAI) or `toolu_<n>` (Anthropic). */
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** A normal reply: reasoning first, then text, then tool calls. */
export interface ReplyScenario {
  kind: 'reply';
  /** The reply text, split into word tokens. Ignored when `tokens` is given. */
  text?: string;
  /** Exact tokens to send (each is one unit for `chunkSize`). */
  tokens?: string[];
  /** Generate this many words (`word1 word2 …`) when neither `text` nor `tokens` is given. */
  wordCount?: number;
  reasoning?: string;
  toolCalls?: DoubleToolCall[];
  /** Pause between SSE events, in milliseconds. Default 0. */
  tokenDelayMs?: number;
  /** Tokens per SSE event. Default 1. */
  chunkSize?: number;
  /** Overrides the finish reason (`stop`/`tool_calls` or `end_turn`/`tool_use` by default). */
  finishReason?: string;
}

/** Answers with an HTTP error status (the provider's error JSON unless `body` is given). */
export interface StatusScenario {
  kind: 'status';
  status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 502 | 503 | 529;
  body?: unknown;
  /** Error message inside the provider's error JSON (ignored when `body` is given). */
  message?: string;
  /** Fail only the first `times` requests, then answer with `then` (default: a short reply). */
  times?: number;
  then?: ReplyScenario;
  /** Adds a `retry-after` header, in seconds. */
  retryAfterSeconds?: number;
}

/** Streams `afterTokens` text tokens, then destroys the socket. */
export interface CutScenario {
  kind: 'cut';
  afterTokens: number;
}

/** Sends the response headers, then nothing, until the client gives up or the double closes. */
export interface HangScenario {
  kind: 'hang';
}

/** 400 with a "tools is not supported" message when the request carries tools; otherwise a normal reply. */
export interface ToolsUnsupportedScenario {
  kind: 'tools-unsupported';
  message?: string;
  /** Reply used when the request has no tools. */
  then?: ReplyScenario;
}

/**
 * Decides per request, like a real model reading the conversation: e.g. ask for tools first, then answer once
 * the request carries their results. `body` is the parsed request body in the provider's own format.
 */
export interface DynamicScenario {
  kind: 'dynamic';
  respond(body: unknown): Exclude<DoubleScenario, DynamicScenario>;
}

export type DoubleScenario = ReplyScenario | StatusScenario | CutScenario | HangScenario | ToolsUnsupportedScenario | DynamicScenario;

/** A scenario a double can answer directly (dynamic ones are resolved per request first). */
export type DirectScenario = Exclude<DoubleScenario, DynamicScenario>;

/** The reply every double gives when no scenario was set. */
export const defaultReply: ReplyScenario = { kind: 'reply', text: 'Hello from the test double.' };

/**
 * Holds the double's scenarios: one default and optional per-model overrides (so one double can serve a
 * failing model and a working one). Counts `times` per scenario object.
 */
export class ScenarioBook {
  private fallback: DoubleScenario;
  private readonly byModel = new Map<string, DoubleScenario>();
  private readonly failures = new WeakMap<StatusScenario, number>();

  constructor(initial: DoubleScenario = defaultReply, perModel: Record<string, DoubleScenario> = {}) {
    this.fallback = initial;
    for (const [model, scenario] of Object.entries(perModel)) this.byModel.set(model, scenario);
  }

  /** Sets the default scenario, or the scenario of one model when `model` is given. */
  set(scenario: DoubleScenario, model?: string): void {
    if (model === undefined) this.fallback = scenario;
    else this.byModel.set(model, scenario);
  }

  /** The scenario for this request; a `status` scenario with `times` turns into its `then` reply once used up. */
  resolve(model: string | undefined, body?: unknown): DirectScenario {
    const chosen = (model === undefined ? undefined : this.byModel.get(model)) ?? this.fallback;
    const scenario = chosen.kind === 'dynamic' ? chosen.respond(body) : chosen;
    if (scenario.kind !== 'status' || scenario.times === undefined) return scenario;
    const used = this.failures.get(scenario) ?? 0;
    if (used >= scenario.times) return scenario.then ?? defaultReply;
    this.failures.set(scenario, used + 1);
    return scenario;
  }
}

/** The text tokens of a reply, already grouped into SSE-sized chunks. */
export function replyTextChunks(scenario: ReplyScenario): string[] {
  const tokens = scenario.tokens ?? (scenario.text !== undefined ? splitIntoTokens(scenario.text) : generateWords(scenario.wordCount ?? 0));
  return groupTokens(tokens, scenario.chunkSize);
}

/** The reasoning tokens of a reply, grouped like the text. */
export function replyReasoningChunks(scenario: ReplyScenario): string[] {
  return scenario.reasoning === undefined ? [] : groupTokens(splitIntoTokens(scenario.reasoning), scenario.chunkSize);
}

/** A deterministic stand-in for a tokenizer: whitespace-separated words in every string of the request body. */
export function countPromptTokens(body: unknown): number {
  const text = JSON.stringify(body ?? '');
  return text.split(/\s+/).filter(Boolean).length;
}
