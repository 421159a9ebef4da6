import type { EnginePorts, HttpPortRequest, LlmRequest, LlmResponse, RunAgentRequest, SandboxRequest, ToolDescriptor, ToolRunRequest } from '../ports.js';
import { systemClock } from '../ports.js';

/** A port call as recorded, with the signal it received (tests assert it was aborted on cancel). */
export interface RecordedCall<Request> {
  request: Request;
  signal: AbortSignal;
}

type Scripted<Request, Response> = (request: Request, signal: AbortSignal) => Response | Promise<Response>;

/** A promise that never settles unless its signal aborts (a port that hangs but honours cancellation). */
export function hangUntilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise<T>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

/** A promise that never settles at all (a port that ignores its signal). */
export function hangForever<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** An LLM answer with text only. */
export const textAnswer = (content: string): LlmResponse => ({ content, toolCalls: [], finishReason: 'stop', usage: { input: 10, output: 5 } });

/** An LLM answer calling tools. */
export const toolAnswer = (...calls: { name: string; arguments: Record<string, unknown> }[]): LlmResponse => ({
  content: null,
  toolCalls: calls.map((call, index) => ({ id: `call-${index}`, ...call })),
  finishReason: 'tool_calls',
  usage: { input: 10, output: 5 },
});

export interface InMemoryPortsScript {
  llm?: Scripted<LlmRequest, LlmResponse>;
  tools?: ToolDescriptor[];
  runTool?: Scripted<ToolRunRequest, { output: unknown; isError?: boolean }>;
  http?: Scripted<HttpPortRequest, { status: number; headers: Record<string, string>; body: string }>;
  sandbox?: Scripted<SandboxRequest, { result: unknown; stdout: string; stderr: string }>;
  runAgent?: Scripted<RunAgentRequest, { status: 'completed' | 'failed'; output: unknown }>;
  /** Random source for jitter (default 0.5: no jitter). */
  random?: () => number;
  /**
   * `real` (default): abortable real timers. `instant`: sleeps under 30 s (delays, backoff) resolve at once,
   * longer ones (block timeouts) stay real. `manual`: every sleep waits for `fireSleeps` (a fake clock).
   */
  sleepMode?: 'real' | 'instant' | 'manual';
}

/**
 * Ports for engine tests: each answers from a script and records every call with its signal. `now` advances by
 * 1 ms per read so records have distinct times; sleep follows `sleepMode`.
 */
export function createInMemoryPorts(script: InMemoryPortsScript = {}) {
  const calls = {
    llm: [] as RecordedCall<LlmRequest>[],
    tools: [] as RecordedCall<ToolRunRequest>[],
    http: [] as RecordedCall<HttpPortRequest>[],
    sandbox: [] as RecordedCall<SandboxRequest>[],
    runAgent: [] as RecordedCall<RunAgentRequest>[],
    sleep: [] as { ms: number; signal: AbortSignal; fire: () => void }[],
    signWebhook: [] as { body: string; secretRef: string; agentId?: string | undefined }[],
  };
  let clock = 1_700_000_000_000;
  const unscripted = (port: string) => () => {
    throw new Error(`Unexpected ${port} call`);
  };
  const ports: EnginePorts = {
    llm: {
      complete: async (request, signal) => {
        calls.llm.push({ request: { ...request, messages: [...request.messages] }, signal });
        return (script.llm ?? unscripted('llm'))(request, signal);
      },
    },
    tools: {
      list: async () => script.tools ?? [],
      run: async (request, signal) => {
        calls.tools.push({ request, signal });
        return (script.runTool ?? unscripted('tool'))(request, signal);
      },
    },
    http: {
      request: async (request, signal) => {
        calls.http.push({ request, signal });
        return (script.http ?? unscripted('http'))(request, signal);
      },
    },
    sandbox: {
      run: async (request, signal) => {
        calls.sandbox.push({ request, signal });
        return (script.sandbox ?? unscripted('sandbox'))(request, signal);
      },
    },
    runAgent: async (request, signal) => {
      calls.runAgent.push({ request, signal });
      return (script.runAgent ?? unscripted('runAgent'))(request, signal);
    },
    signWebhook: async ({ body, secretRef, timestamp, agentId }) => {
      calls.signWebhook.push({ body, secretRef, agentId });
      return { 'x-signature': `sha256=signed(${secretRef}:${timestamp}:${body.length})` };
    },
    now: () => (clock += 1),
    random: script.random ?? (() => 0.5),
    sleep: (ms, signal) => {
      const mode = script.sleepMode ?? 'real';
      if (mode === 'manual') {
        return new Promise<void>((resolve, reject) => {
          if (signal.aborted) return reject(signal.reason as Error);
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
          calls.sleep.push({ ms, signal, fire: resolve });
        });
      }
      calls.sleep.push({ ms, signal, fire: () => undefined });
      // Block timeouts are sleeps too (≥ 30 s by default): only shorter sleeps (delays, backoff) are made instant.
      if (mode === 'instant' && ms < 30_000) return signal.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve();
      return systemClock.sleep(ms, signal);
    },
  };
  /** Manual mode: resolves the pending (not aborted) sleeps of exactly `ms` milliseconds. */
  const fireSleeps = (ms: number) => {
    for (const sleep of calls.sleep) if (sleep.ms === ms && !sleep.signal.aborted) sleep.fire();
  };
  return { ports, calls, fireSleeps };
}
