import { isTransientError, toEngineError } from '../errors.js';
import type { EnginePorts, LlmMessage, LlmRequest, LlmResponse, LlmToolDefinition } from '../ports.js';
import { computeBackoffMs, type ResolvedRetryPolicy } from '../run/retry.js';
import { raceSignal } from '../run/signals.js';

/** One tool call made by the mini-agent. */
export interface ToolCallRecord {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
  error: string | undefined;
  durationMs: number;
}

export interface AgentLoopSettings {
  userId: string;
  model: string | undefined;
  temperature: number;
  systemPrompt: string;
  userPrompt: string;
  tools: LlmToolDefinition[];
  credentialIds: string[];
  maxIterations: number;
  retryPolicy: ResolvedRetryPolicy;
  responseFormat: LlmRequest['responseFormat'];
}

export interface AgentLoopResult {
  text: string;
  toolCalls: ToolCallRecord[];
  iterations: number;
  tokens: { input: number; output: number; total: number };
  model: string | undefined;
  timedOut: boolean;
  /** Why the loop ended early: `max_tool_calls`, `repeated_tool_call` or `timeout`. */
  stoppedBecause: string | undefined;
  retriedCalls: number;
}

/** True when the signal fired because of the block's timeout (not a cancellation): the caller returns partial. */
export function isTimeout(signal: AbortSignal): boolean {
  return signal.aborted && (signal.reason as { code?: unknown } | undefined)?.code === 'BLOCK_TIMEOUT';
}

/** One chat completion with the block's retry policy for transient failures (backoff with jitter). */
export async function completeWithRetry(ports: EnginePorts, request: LlmRequest, policy: ResolvedRetryPolicy, signal: AbortSignal, onRetry: () => void): Promise<LlmResponse> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await raceSignal(ports.llm.complete(request, signal), signal);
    } catch (error) {
      if (signal.aborted || !isTransientError(error) || retry >= policy.maxRetries) throw error;
      onRetry();
      await ports.sleep(computeBackoffMs(policy, retry + 1, ports.random), signal);
    }
  }
}

async function runToolCall(ports: EnginePorts, settings: AgentLoopSettings, name: string, args: Record<string, unknown>, signal: AbortSignal): Promise<ToolCallRecord> {
  const startedAt = ports.now();
  try {
    const outcome = await raceSignal(ports.tools.run({ userId: settings.userId, name, arguments: args, credentialIds: settings.credentialIds }, signal), signal);
    const error = outcome.isError === true ? (typeof outcome.output === 'string' ? outcome.output : JSON.stringify(outcome.output)) : undefined;
    return { name, arguments: args, result: outcome.output, error, durationMs: ports.now() - startedAt };
  } catch (error) {
    if (signal.aborted) throw error;
    return { name, arguments: args, result: undefined, error: toEngineError(error).message, durationMs: ports.now() - startedAt };
  }
}

/**
 * The agent loop (reference §3.3): ask the model; when it calls tools, run them and give it the results; stop when
 * it answers without tools, after `maxIterations` rounds, when it repeats the same call in one round, or when the
 * block times out (then the partial result is returned, `timedOut: true`). Cancellation propagates as an error.
 */
export async function runAgentLoop(ports: EnginePorts, settings: AgentLoopSettings, signal: AbortSignal): Promise<AgentLoopResult> {
  const messages: LlmMessage[] = [
    { role: 'system', content: settings.systemPrompt },
    { role: 'user', content: settings.userPrompt },
  ];
  const result: AgentLoopResult = { text: '', toolCalls: [], iterations: 0, tokens: { input: 0, output: 0, total: 0 }, model: settings.model, timedOut: false, stoppedBecause: undefined, retriedCalls: 0 };
  const partial = (reason: string) => ({ ...result, timedOut: reason === 'timeout', stoppedBecause: reason });
  while (result.iterations < settings.maxIterations) {
    result.iterations += 1;
    const request: LlmRequest = { userId: settings.userId, model: settings.model, messages, temperature: settings.temperature };
    if (settings.tools.length > 0) request.tools = settings.tools;
    else if (settings.responseFormat !== undefined) request.responseFormat = settings.responseFormat;
    let response: LlmResponse;
    try {
      response = await completeWithRetry(ports, request, settings.retryPolicy, signal, () => (result.retriedCalls += 1));
    } catch (error) {
      if (isTimeout(signal)) return partial('timeout');
      throw error;
    }
    result.model = response.model ?? result.model;
    result.tokens.input += response.usage?.input ?? 0;
    result.tokens.output += response.usage?.output ?? 0;
    result.tokens.total = result.tokens.input + result.tokens.output;
    if (response.content !== null && response.content !== '') result.text = response.content;
    if (response.toolCalls.length === 0) return result;
    messages.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
    const seen = new Set<string>();
    for (const call of response.toolCalls) {
      const key = `${call.name}:${JSON.stringify(call.arguments)}`;
      if (seen.has(key)) return partial('repeated_tool_call');
      seen.add(key);
      let record: ToolCallRecord;
      try {
        record = await runToolCall(ports, settings, call.name, call.arguments, signal);
      } catch (error) {
        if (isTimeout(signal)) return partial('timeout');
        throw error;
      }
      result.toolCalls.push(record);
      const content = record.error === undefined ? (typeof record.result === 'string' ? record.result : JSON.stringify(record.result)) : `Error: ${record.error}`;
      messages.push({ role: 'tool', toolCallId: call.id, content });
    }
  }
  return partial('max_tool_calls');
}

/** Errors that mean the model used a tool wrongly (worth a retry with a stronger prompt), per the reference. */
const parameterErrorPattern = /did you mean|is not valid|unsupported action|is required|invalid action/i;

/** Why the tool usage is not acceptable (required tool not attempted, no tool used, only parameter errors). */
export function toolUsageProblem(result: AgentLoopResult, requiredTools: string[], requireToolUsage: boolean): string | undefined {
  const attempted = new Set(result.toolCalls.map((call) => call.name));
  const missing = requiredTools.filter((name) => !attempted.has(name));
  if (missing.length > 0) return `Required tools were not called: ${missing.join(', ')}.`;
  if (requireToolUsage && result.toolCalls.length === 0) return 'No tool was called although the block requires tool usage.';
  if (result.toolCalls.length > 0 && result.toolCalls.every((call) => call.error !== undefined && parameterErrorPattern.test(call.error))) {
    return `Every tool call failed with a parameter error: ${result.toolCalls[0]!.error}`;
  }
  return undefined;
}
