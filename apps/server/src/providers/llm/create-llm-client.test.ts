import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicDouble } from '../../test/llm-doubles/anthropic-double.js';
import { startGoogleDouble } from '../../test/llm-doubles/google-double.js';
import { startOllamaDouble } from '../../test/llm-doubles/ollama-double.js';
import { startOpenAiDouble, type OpenAiDouble } from '../../test/llm-doubles/openai-double.js';
import type { DoubleScenario } from '../../test/llm-doubles/scenarios.js';
import { createTinyPng } from '../../test/tiny-png.js';
import { createLlmClient } from './create-llm-client.js';
import { LlmError, type LlmClient, type LlmRequest, type LlmStreamPart, type LlmTarget } from './llm-client.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const client = createLlmClient({ retry: { attempts: 3, baseDelayMs: 1 } });
const weatherTool = {
  name: 'get_weather',
  description: 'Current weather in a city.',
  inputSchema: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } }, required: ['city'] },
};

async function openAi(scenario?: DoubleScenario): Promise<OpenAiDouble> {
  const double = await startOpenAiDouble({ apiKey: 'sk-test-secret-key-123', ...(scenario === undefined ? {} : { scenario }) });
  closers.push(() => double.close());
  return double;
}

function target(double: { baseUrl: string }, overrides: Partial<LlmTarget> = {}): LlmTarget {
  return { kind: 'openai', baseUrl: double.baseUrl, apiKey: 'sk-test-secret-key-123', model: 'gpt-4.1', ...overrides };
}

function chatRequest(llmTarget: LlmTarget, overrides: Partial<LlmRequest> = {}): LlmRequest {
  return { target: llmTarget, messages: [{ role: 'user', content: 'What is the weather in Paris?' }], signal: new AbortController().signal, ...overrides };
}

/** Drains a stream, returning the parts it yielded and the error it ended with (if any). */
async function collect(stream: AsyncIterable<LlmStreamPart>): Promise<{ parts: LlmStreamPart[]; error: unknown }> {
  const parts: LlmStreamPart[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

function textOf(parts: LlmStreamPart[], type: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return parts.map((part) => (part.type === type ? part.delta : '')).join('');
}

function expectLlmError(error: unknown, code: LlmError['code']): LlmError {
  expect(error).toBeInstanceOf(LlmError);
  const llmError = error as LlmError;
  expect(llmError.code).toBe(code);
  expect(llmError.message).not.toContain('sk-test-secret-key-123');
  return llmError;
}

describe('createLlmClient().streamChat: the provider accepted (onResponseStart)', () => {
  /** The order of the accepted signal and the parts, and how the stream ended. */
  async function events(request: LlmRequest): Promise<{ order: string[]; error: unknown }> {
    const order: string[] = [];
    try {
      for await (const part of client.streamChat({ ...request, onResponseStart: () => order.push('accepted') })) order.push(part.type);
      return { order, error: undefined };
    } catch (error) {
      return { order, error };
    }
  }

  it('signals before the first part on the lean OpenAI path and behind the AI SDK (Anthropic), never on a refusal', async () => {
    const openAiDouble = await openAi({ kind: 'reply', text: 'Hello there.', tokenDelayMs: 20 });
    const anthropicDouble = await startAnthropicDouble({ scenario: { kind: 'reply', text: 'Hello there.', tokenDelayMs: 20 } });
    closers.push(() => anthropicDouble.close());
    const anthropicTarget: LlmTarget = { kind: 'anthropic', baseUrl: anthropicDouble.baseUrl, apiKey: 'test-key', model: 'claude-sonnet-4-5' };
    for (const llmTarget of [target(openAiDouble), anthropicTarget]) {
      const { order, error } = await events(chatRequest(llmTarget));
      expect(error).toBeUndefined();
      expect(order[0]).toBe('accepted');
      expect(order.filter((event) => event === 'accepted')).toHaveLength(1);
      expect(order.at(-1)).toBe('finish');
    }
    openAiDouble.setScenario({ kind: 'status', status: 400 });
    const refused = await events(chatRequest(target(openAiDouble)));
    expectLlmError(refused.error, 'invalid_request');
    expect(refused.order).toEqual([]);
  });
});

describe('createLlmClient().streamChat over the OpenAI provider', () => {
  it('streams text and usage and ends with a finish part', async () => {
    const double = await openAi({ kind: 'reply', text: 'It is sunny in Paris.', chunkSize: 2 });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double), { system: 'Be brief.', temperature: 0.2 })));
    expect(error).toBeUndefined();
    expect(textOf(parts)).toBe('It is sunny in Paris.');
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(finish?.type === 'finish' && finish.usage.outputTokens).toBeGreaterThan(0);
    expect(finish?.type === 'finish' && finish.usage.inputTokens).toBeGreaterThan(0);
    const body = double.requests[0]?.body as { stream: boolean; messages: { role: string }[]; temperature: number };
    expect(double.requests[0]?.path).toBe('/v1/chat/completions');
    expect(body).toMatchObject({ stream: true, temperature: 0.2 });
    expect(body.messages[0]?.role).toBe('system');
  });

  it('reassembles tool calls split over several deltas and reports finishReason tool-calls', async () => {
    const double = await openAi({ kind: 'reply', text: '', toolCalls: [{ id: 'call_a', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double), { tools: [weatherTool] })));
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([{ type: 'tool-call', toolCallId: 'call_a', toolName: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
    const sentTools = (double.requests[0]?.body as { tools: { function: { name: string; parameters: unknown } }[] }).tools;
    expect(sentTools[0]?.function).toMatchObject({ name: 'get_weather', parameters: weatherTool.inputSchema });
  });

  it('sends earlier tool calls and results back in the conversation', async () => {
    const double = await openAi();
    const messages: LlmRequest['messages'] = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '', toolCalls: [{ toolCallId: 'call_a', toolName: 'get_weather', args: { city: 'Paris' } }] },
      { role: 'tool', toolCallId: 'call_a', toolName: 'get_weather', content: '{"temperature":21}' },
    ];
    await collect(client.streamChat(chatRequest(target(double), { messages, tools: [weatherTool] })));
    const sent = (double.requests[0]?.body as { messages: Record<string, unknown>[] }).messages;
    expect(sent[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_a', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] });
    expect(sent[2]).toMatchObject({ role: 'tool', tool_call_id: 'call_a', content: '{"temperature":21}' });
  });

  it('retries a 429 and then streams (the double saw 2 requests)', async () => {
    const double = await openAi({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 0, then: { kind: 'reply', text: 'Second time lucky.' } });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double))));
    expect(error).toBeUndefined();
    expect(textOf(parts)).toBe('Second time lucky.');
    expect(double.requests).toHaveLength(2);
  });

  it('gives up after 3 attempts of 500 with provider_unavailable', async () => {
    const double = await openAi({ kind: 'status', status: 500 });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double))));
    expect(parts).toEqual([]);
    const llmError = expectLlmError(error, 'provider_unavailable');
    expect(llmError).toMatchObject({ retryable: true, status: 500 });
    expect(double.requests).toHaveLength(3);
  });

  it('classifies 401 as provider_auth without retrying and without the key in the message', async () => {
    const double = await openAi();
    const { error } = await collect(client.streamChat(chatRequest(target(double, { apiKey: 'sk-wrong-key-999999' }))));
    const llmError = expectLlmError(error, 'provider_auth');
    expect(llmError).toMatchObject({ retryable: false, status: 401 });
    expect(llmError.message).not.toContain('sk-wrong');
    expect(double.requests).toHaveLength(1);
  });

  it('throws stream_interrupted after some text when the connection is cut, without retrying', async () => {
    const double = await openAi({ kind: 'cut', afterTokens: 3 });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double))));
    expect(textOf(parts)).toBe('word1 word2 word3');
    expect(expectLlmError(error, 'stream_interrupted').retryable).toBe(true);
    expect(double.requests).toHaveLength(1);
  });

  it('fails with timeout when the provider sends headers and then nothing', async () => {
    const double = await openAi({ kind: 'hang' });
    const { error } = await collect(client.streamChat(chatRequest(target(double), { idleTimeoutMs: 100 })));
    expectLlmError(error, 'timeout');
    expect(double.requests).toHaveLength(1);
  });

  it('retries a connection cut before the first part, then reports provider_unavailable', async () => {
    const double = await openAi({ kind: 'cut', afterTokens: 0 });
    const { parts, error } = await collect(client.streamChat(chatRequest(target(double))));
    expect(parts).toEqual([]);
    expect(expectLlmError(error, 'provider_unavailable').retryable).toBe(true);
    expect(double.requests).toHaveLength(3);
  });

  it('closes the upstream connection and ends quietly when the caller aborts', async () => {
    const double = await openAi({ kind: 'reply', wordCount: 1000, tokenDelayMs: 5 });
    const controller = new AbortController();
    const parts: LlmStreamPart[] = [];
    for await (const part of client.streamChat(chatRequest(target(double), { signal: controller.signal }))) {
      parts.push(part);
      if (parts.length === 3) controller.abort();
    }
    expect(parts.length).toBeLessThan(1000);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    await expect(double.waitForAborted(1)).resolves.toHaveLength(1);
  });

  it('closes the upstream connection when the caller stops iterating', async () => {
    const double = await openAi({ kind: 'reply', wordCount: 1000, tokenDelayMs: 5 });
    for await (const part of client.streamChat(chatRequest(target(double)))) if (part.type === 'text-delta') break;
    await expect(double.waitForAborted(1)).resolves.toHaveLength(1);
  });

  it('flags a "tools is not supported" 400 as isToolsUnsupported', async () => {
    const double = await openAi({ kind: 'tools-unsupported' });
    const { error } = await collect(client.streamChat(chatRequest(target(double), { tools: [weatherTool] })));
    const llmError = expectLlmError(error, 'invalid_request');
    expect(llmError).toMatchObject({ isToolsUnsupported: true, retryable: false, status: 400 });
    expect(double.requests).toHaveLength(1);
  });

  it('classifies context-length 400s, unknown models and connection refused', async () => {
    const double = await openAi({ kind: 'status', status: 400, message: "This model's maximum context length is 128000 tokens.", body: { error: { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' } } });
    expectLlmError((await collect(client.streamChat(chatRequest(target(double))))).error, 'context_too_long');
    double.setScenario({ kind: 'status', status: 404 });
    expectLlmError((await collect(client.streamChat(chatRequest(target(double))))).error, 'model_not_found');

    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const refused = await collect(client.streamChat(chatRequest(target({ baseUrl: `http://127.0.0.1:${closedPort}/v1` }))));
    expect(expectLlmError(refused.error, 'provider_unavailable').retryable).toBe(true);
  });
});

describe('createLlmClient().streamChat over the OpenAI-compatible provider', () => {
  it('surfaces reasoning_content as reasoning-delta parts (Ollama double, no key)', async () => {
    const double = await startOllamaDouble({ scenario: { kind: 'reply', reasoning: 'Thinking about Paris.', text: 'Sunny.' } });
    closers.push(() => double.close());
    const { parts, error } = await collect(client.streamChat(chatRequest({ kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: null, model: 'qwen3:8b' })));
    expect(error).toBeUndefined();
    expect(textOf(parts, 'reasoning-delta')).toBe('Thinking about Paris.');
    expect(textOf(parts)).toBe('Sunny.');
    expect(parts.findIndex((part) => part.type === 'reasoning-delta')).toBeLessThan(parts.findIndex((part) => part.type === 'text-delta'));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', usage: { outputTokens: expect.any(Number) as number } });
    expect((double.requests[0]?.body as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });
    expect(double.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('createLlmClient().streamChat over the Anthropic provider', () => {
  it('streams thinking, text and a tool call from the Anthropic double', async () => {
    const double = await startAnthropicDouble({ scenario: { kind: 'reply', reasoning: 'Let me check.', text: 'Checking the weather.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } });
    closers.push(() => double.close());
    const anthropicTarget: LlmTarget = { kind: 'anthropic', baseUrl: double.baseUrl, apiKey: 'test-key', model: 'claude-sonnet-4-5' };
    const { parts, error } = await collect(client.streamChat(chatRequest(anthropicTarget, { tools: [weatherTool], system: 'Be brief.', reasoning: true })));
    expect(error).toBeUndefined();
    expect(textOf(parts, 'reasoning-delta')).toBe('Let me check.');
    expect(textOf(parts)).toBe('Checking the weather.');
    expect(parts.find((part) => part.type === 'tool-call')).toMatchObject({ toolCallId: 'toolu_1', toolName: 'get_weather', args: { city: 'Paris' } });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
    const request = double.requests[0];
    expect(request?.headers['x-api-key']).toBe('test-key');
    expect(request?.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true, max_tokens: expect.any(Number) as number, system: [{ type: 'text', text: 'Be brief.' }] });
    expect((request?.body as { thinking?: unknown }).thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
  });

  it('classifies Anthropic 401 and 529 errors', async () => {
    const double = await startAnthropicDouble({ scenario: { kind: 'status', status: 529 } });
    closers.push(() => double.close());
    const anthropicTarget: LlmTarget = { kind: 'anthropic', baseUrl: double.baseUrl, apiKey: 'test-key', model: 'claude-sonnet-4-5' };
    expectLlmError((await collect(client.streamChat(chatRequest(anthropicTarget)))).error, 'provider_unavailable');
    expect(double.requests).toHaveLength(3);
    expectLlmError((await collect(client.streamChat(chatRequest({ ...anthropicTarget, apiKey: 'wrong' })))).error, 'provider_auth');
  });
});

describe('createLlmClient() over the Google provider', () => {
  it('streams thoughts, text and a function call, lists generate models and rejects a bad key', async () => {
    const double = await startGoogleDouble({ scenario: { kind: 'reply', reasoning: 'Hmm.', text: 'Calling the tool.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } });
    closers.push(() => double.close());
    const googleTarget: LlmTarget = { kind: 'google', baseUrl: double.baseUrl, apiKey: 'test-key', model: 'gemini-2.5-flash' };
    const { parts, error } = await collect(client.streamChat(chatRequest(googleTarget, { tools: [weatherTool], reasoning: true })));
    expect(error).toBeUndefined();
    expect(textOf(parts, 'reasoning-delta')).toBe('Hmm.');
    expect(textOf(parts)).toBe('Calling the tool.');
    expect(parts.find((part) => part.type === 'tool-call')).toMatchObject({ toolName: 'get_weather', args: { city: 'Paris' } });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
    expect(double.requests[0]).toMatchObject({ path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', query: { alt: 'sse' } });

    const models = await client.listModels({ kind: 'google', baseUrl: double.baseUrl, apiKey: 'test-key' });
    expect(models).toEqual([
      { name: 'gemini-2.5-flash', displayName: 'gemini 2.5 flash', contextLength: 1_048_576 },
      { name: 'gemini-2.5-pro', displayName: 'gemini 2.5 pro', contextLength: 1_048_576 },
    ]);
    expect(double.requests.at(-1)?.query.key).toBeUndefined();
    const failure = await client.listModels({ kind: 'google', baseUrl: double.baseUrl, apiKey: 'bad' }).catch((listError: unknown) => listError);
    expectLlmError(failure, 'provider_auth');
  });
});

describe('createLlmClient().complete', () => {
  it('returns the whole reply with usage, retrying a 503 first', async () => {
    const double = await openAi({ kind: 'status', status: 503, times: 1, then: { kind: 'reply', text: 'A short title' } });
    const result = await client.complete(chatRequest(target(double)));
    expect(result).toMatchObject({ text: 'A short title', finishReason: 'stop' });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(double.requests).toHaveLength(2);
    expect((double.requests[1]?.body as { stream?: boolean }).stream).not.toBe(true);
  });

  it('sends a user image to Anthropic as a base64 image block', async () => {
    const double = await startAnthropicDouble({ scenario: { kind: 'reply', text: 'A red square.' } });
    closers.push(() => double.close());
    const png = createTinyPng(4, 4);
    const anthropicTarget: LlmTarget = { kind: 'anthropic', baseUrl: double.baseUrl, apiKey: 'test-key', model: 'claude-sonnet-4-5' };
    const result = await client.complete(chatRequest(anthropicTarget, {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe it.' }, { type: 'image', data: png, mimeType: 'image/png' }] }],
    }));
    expect(result.text).toBe('A red square.');
    const [message] = (double.requests[0]?.body as { messages: { role: string; content: unknown[] }[] }).messages;
    expect(message?.content).toEqual([
      expect.objectContaining({ type: 'text', text: 'Describe it.' }),
      expect.objectContaining({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png.toString('base64') } }),
    ]);
  });

  it('rejects with an AbortError (not an LlmError) when aborted', async () => {
    const double = await openAi({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client.complete(chatRequest(target(double), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((failure: unknown) => failure);
    expect(error).not.toBeInstanceOf(LlmError);
    expect((error as Error).name).toBe('AbortError');
    await expect(double.waitForAborted(1)).resolves.toHaveLength(1);
  });
});

describe('createLlmClient().listModels', () => {
  const listingClient: LlmClient = client;

  it('lists OpenAI models sorted by name with the bearer key', async () => {
    const double = await startOpenAiDouble({ apiKey: 'sk-test-secret-key-123', models: ['gpt-4.1-mini', 'gpt-4.1', 'a-model'] });
    closers.push(() => double.close());
    const models = await listingClient.listModels({ kind: 'openai', baseUrl: `${double.baseUrl}/`, apiKey: 'sk-test-secret-key-123' });
    expect(models.map((model) => model.name)).toEqual(['a-model', 'gpt-4.1', 'gpt-4.1-mini']);
    expect(double.requests[0]?.headers.authorization).toBe('Bearer sk-test-secret-key-123');
    const failure = await listingClient.listModels({ kind: 'openai', baseUrl: double.baseUrl, apiKey: 'bad' }).catch((error: unknown) => error);
    expect(expectLlmError(failure, 'provider_auth').status).toBe(401);
  });

  it('pages through Anthropic models with x-api-key and anthropic-version', async () => {
    const double = await startAnthropicDouble({ models: ['claude-b', 'claude-a', 'claude-c'] });
    closers.push(() => double.close());
    // The client asks for limit=1000; force paging by answering pages of one through the query.
    const pagingFetch: typeof fetch = (input, init) => fetch(String(input).replace('limit=1000', 'limit=1'), init);
    const models = await createLlmClient({ fetch: pagingFetch }).listModels({ kind: 'anthropic', baseUrl: double.baseUrl, apiKey: 'test-key' });
    expect(models).toEqual([
      { name: 'claude-a', displayName: 'Claude claude-a' },
      { name: 'claude-b', displayName: 'Claude claude-b' },
      { name: 'claude-c', displayName: 'Claude claude-c' },
    ]);
    expect(double.requests).toHaveLength(3);
    expect(double.requests[1]?.query.after_id).toBe('claude-b');
    expect(double.requests[0]?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('lists Ollama models through its OpenAI-compatible /models without a key', async () => {
    const double = await startOllamaDouble({ models: ['qwen3:8b', 'llama3.2:3b'] });
    closers.push(() => double.close());
    const models = await listingClient.listModels({ kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: null });
    expect(models.map((model) => model.name)).toEqual(['llama3.2:3b', 'qwen3:8b']);
  });

  it('explains a 404 model list as a wrong base URL', async () => {
    const double = await openAi();
    const failure = await listingClient.listModels({ kind: 'openai', baseUrl: double.origin, apiKey: 'sk-test-secret-key-123' }).catch((error: unknown) => error);
    expect(expectLlmError(failure, 'invalid_request').message).toMatch(/base URL/);
  });
});
