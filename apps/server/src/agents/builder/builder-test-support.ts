import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { startChatHarness, type ChatHarness } from '../../test/chat-harness.js';
import { bearer } from '../../test/factories.js';
import type { OpenAiDouble } from '../../test/llm-doubles/openai-double.js';

/** The harness of a builder test file: the app, the provider double and its model, the admin's token, and `call`. */
export interface BuilderHarness extends Pick<ChatHarness, 'app' | 'double' | 'modelId'> {
  token: string;
  /** An HTTP request to the app as the admin. */
  call(method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/**
 * Starts a chat harness (a listening app whose admin set up the OpenAI-compatible provider double) before the
 * calling file's tests and closes it after them; call it once at the top of the file.
 */
export function useBuilderHarness(): BuilderHarness {
  let started: ChatHarness | undefined;
  beforeAll(async () => {
    started = await startChatHarness();
  });
  afterAll(() => started?.close());
  const current = (): ChatHarness => {
    if (!started) throw new Error('The builder harness starts in beforeAll; use it inside a test');
    return started;
  };
  return {
    get app() { return current().app; },
    get double() { return current().double; },
    get modelId() { return current().modelId; },
    get token() { return current().admin.accessToken; },
    call: (method, url, payload) => current().app.http.inject({ method, url, headers: bearer(current().admin.accessToken), ...(payload ? { payload } : {}) }),
  };
}

/** One chat request the double received, as the builder sent it. */
export interface ReceivedPrompt {
  system: string;
  messages: Array<{ role: string; content: string }>;
}

/**
 * Scripts the OpenAI double to answer the next chat requests with `answers`, in order (then an error text, so
 * an unexpected extra call shows up in the result), and reads back what the builder sent.
 */
export function scriptAnswers(double: OpenAiDouble, answers: string[]): { prompts(): ReceivedPrompt[] } {
  const queue = [...answers];
  const firstRequest = double.requests.length;
  double.setScenario({ kind: 'dynamic', respond: () => ({ kind: 'reply', text: queue.shift() ?? 'UNEXPECTED EXTRA MODEL CALL', chunkSize: 100_000 }) });
  return {
    prompts: () => double.requests.slice(firstRequest).filter((request) => request.path === '/v1/chat/completions').map((request) => {
      const messages = ((request.body as { messages?: Array<{ role: string; content: unknown }> }).messages ?? [])
        .map((message) => ({ role: message.role, content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content) }));
      return { system: messages.filter((message) => message.role === 'system').map((message) => message.content).join('\n'), messages: messages.filter((message) => message.role !== 'system') };
    }),
  };
}

/** The tool ids listed in the tools section of a step-2 (generation) system prompt. */
export function toolsInGenerationPrompt(system: string): string[] {
  const section = system.split(/Available tools \([^\n]*\):\n/)[1]?.split('\n\nAnswer with ONE JSON')[0] ?? '';
  return [...section.matchAll(/^- ([\w-]+)/gm)].map((match) => match[1] ?? '');
}

const start = { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: { x: 250, y: 50 } };

/** A valid generated workflow: Start → an LLM block (with `tools`) → Output. */
export function generatedWorkflow(tools: string[] = [], extra: { inputType?: 'text' | 'json'; jsonSchema?: unknown } = {}) {
  return {
    blocks: [
      { ...start, config: { ...start.config, inputType: extra.inputType ?? 'text', ...(extra.jsonSchema ? { jsonSchema: extra.jsonSchema } : {}) } },
      {
        id: 'research', normalizedId: 'research', type: 'llm_inference', name: 'Research', position: { x: 250, y: 200 },
        config: { systemPrompt: 'Research the topic.', userPrompt: '{{input}}', enabledTools: tools, requiredTools: tools, requireToolUsage: tools.length > 0, temperature: 0.3 },
      },
      { id: 'result', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{research.response}}' }, position: { x: 250, y: 350 } },
    ],
    connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'research' }, { id: 'c2', sourceBlockId: 'research', targetBlockId: 'result' }],
    variables: [],
  };
}

/** The generation answer the model is asked for. */
export function generationAnswer(workflow: object, explanation = 'Researches the topic and returns a summary.', names: { suggestedName?: string; suggestedDescription?: string } = {}): string {
  return JSON.stringify({ workflow, explanation, ...names });
}
