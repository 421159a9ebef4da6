import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startOllamaDouble } from '../../test/llm-doubles/ollama-double.js';
import { startOpenAiDouble } from '../../test/llm-doubles/openai-double.js';
import type { DoubleScenario } from '../../test/llm-doubles/scenarios.js';
import { createTinyPng } from '../../test/tiny-png.js';
import { createLlmClient } from './create-llm-client.js';
import { LlmError, type LlmRequest, type LlmStreamPart, type LlmTarget } from './llm-client.js';
import { buildOpenAiChatBody, isOpenAiReasoningModel } from './openai-chat-body.js';
import { chatEndpointOf, createChatChunkReader } from './openai-stream.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const weatherTool = { name: 'get_weather', description: 'Weather in a city.', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const conversation: LlmRequest['messages'] = [
  { role: 'user', content: 'Weather?' },
  { role: 'assistant', content: '', toolCalls: [{ toolCallId: 'call_a', toolName: 'get_weather', args: { city: 'Paris' } }] },
  { role: 'tool', toolCallId: 'call_a', toolName: 'get_weather', content: '{"temperature":21}' },
  { role: 'system', content: 'Late instruction.' },
];

function request(target: LlmTarget, overrides: Partial<LlmRequest> = {}): LlmRequest {
  return { target, messages: conversation, system: 'Be brief.', temperature: 0.3, maxOutputTokens: 100, tools: [weatherTool], signal: new AbortController().signal, ...overrides };
}

async function collect(stream: AsyncIterable<LlmStreamPart>): Promise<LlmStreamPart[]> {
  const parts: LlmStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** Concatenates consecutive deltas, so streams that split text differently compare equal. */
function normalise(parts: LlmStreamPart[]): LlmStreamPart[] {
  const merged: LlmStreamPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if ((part.type === 'text-delta' || part.type === 'reasoning-delta') && last?.type === part.type) merged[merged.length - 1] = { type: part.type, delta: last.delta + part.delta };
    else merged.push(part);
  }
  return merged;
}

describe('the lean OpenAI stream path', () => {
  const lean = createLlmClient({ retry: { attempts: 1, baseDelayMs: 1 } });
  const sdk = createLlmClient({ retry: { attempts: 1, baseDelayMs: 1 }, openAiStreams: 'sdk' });

  it.each<[string, LlmTarget['kind'], DoubleScenario]>([
    ['openai, text and tool calls', 'openai', { kind: 'reply', text: 'Let me check that for you.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_weather', arguments: { city: 'Rome' } }] }],
    ['openai-compatible, reasoning and text', 'openai-compatible', { kind: 'reply', reasoning: 'Thinking it over.', text: 'It is sunny.', chunkSize: 2 }],
  ])('sends the same request and yields the same parts as the AI SDK (%s)', async (_name, kind, scenario) => {
    const double = await startOpenAiDouble({ apiKey: 'key', scenario });
    closers.push(() => double.close());
    const target: LlmTarget = { kind, baseUrl: double.baseUrl, apiKey: 'key', model: 'gpt-4.1' };
    const viaSdk = await collect(sdk.streamChat(request(target)));
    const viaLean = await collect(lean.streamChat(request(target)));
    expect(normalise(viaLean)).toEqual(normalise(viaSdk));
    expect(viaLean.at(-1)).toMatchObject({ type: 'finish', usage: { inputTokens: expect.any(Number) as number } });
    expect(double.requests[1]?.body).toEqual(double.requests[0]?.body);
    expect(double.requests[1]?.headers.authorization).toBe('Bearer key');
  });

  it('builds the body of an OpenAI reasoning model like the SDK (developer role, max_completion_tokens, no temperature)', async () => {
    expect([isOpenAiReasoningModel('o3-mini'), isOpenAiReasoningModel('gpt-5'), isOpenAiReasoningModel('gpt-5-chat-latest'), isOpenAiReasoningModel('gpt-4.1')]).toEqual([true, true, false, false]);
    const double = await startOpenAiDouble({ apiKey: 'key' });
    closers.push(() => double.close());
    const target: LlmTarget = { kind: 'openai', baseUrl: double.baseUrl, apiKey: 'key', model: 'o3-mini' };
    await collect(sdk.streamChat(request(target, { reasoning: true })));
    await collect(lean.streamChat(request(target, { reasoning: true })));
    expect(double.requests[1]?.body).toEqual(double.requests[0]?.body);
    const body = buildOpenAiChatBody(request(target, { reasoning: true }));
    expect(body).toMatchObject({ max_completion_tokens: 100, reasoning_effort: 'medium' });
    expect(body.temperature).toBeUndefined();
    expect((body.messages as unknown[])[0]).toEqual({ role: 'developer', content: 'Be brief.' });
  });

  it.each<LlmTarget['kind']>(['openai', 'openai-compatible'])('sends user images as image_url data URLs exactly like the AI SDK (%s)', async (kind) => {
    const double = await startOpenAiDouble({ apiKey: 'key', scenario: { kind: 'reply', text: 'A red square.' } });
    closers.push(() => double.close());
    const png = createTinyPng(3, 2);
    const target: LlmTarget = { kind, baseUrl: double.baseUrl, apiKey: 'key', model: 'gpt-4.1' };
    const messages: LlmRequest['messages'] = [
      { role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image', data: png, mimeType: 'image/png' }] },
      { role: 'assistant', content: 'A square.' },
      { role: 'user', content: [{ type: 'text', text: 'Which colour?' }] },
    ];
    const viaSdk = await collect(sdk.streamChat({ target, messages, signal: new AbortController().signal }));
    const viaLean = await collect(lean.streamChat({ target, messages, signal: new AbortController().signal }));
    expect(normalise(viaLean)).toEqual(normalise(viaSdk));
    expect(double.requests[1]?.body).toEqual(double.requests[0]?.body);
    const sent = (double.requests[1]?.body as { messages: { content: unknown }[] }).messages;
    expect(sent[0]?.content).toEqual([
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
    ]);
    // A lone text part is sent as plain text, as the SDK does.
    expect(sent[2]?.content).toBe('Which colour?');
  });

  it('sends an image that sits inside a larger buffer without the surrounding bytes', () => {
    const png = createTinyPng();
    const pool = Buffer.concat([Buffer.from('before'), png, Buffer.from('after')]);
    const view = pool.subarray(6, 6 + png.length);
    const body = buildOpenAiChatBody({
      target: { kind: 'openai', baseUrl: 'http://127.0.0.1:1/v1', apiKey: null, model: 'gpt-4.1' },
      messages: [{ role: 'user', content: [{ type: 'image', data: view, mimeType: 'image/png' }] }],
      signal: new AbortController().signal,
    });
    const [message] = body.messages as { content: { image_url: { url: string } }[] }[];
    expect(message?.content[0]?.image_url.url).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('sends no authorization header without a key (Ollama)', async () => {
    const double = await startOllamaDouble({ scenario: { kind: 'reply', text: 'Hi.' } });
    closers.push(() => double.close());
    const parts = await collect(lean.streamChat({ target: { kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: null, model: 'qwen3:8b' }, messages: [{ role: 'user', content: 'Hello' }], signal: new AbortController().signal }));
    expect(normalise(parts)[0]).toEqual({ type: 'text-delta', delta: 'Hi.' });
    expect(double.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('createChatChunkReader', () => {
  function read(events: unknown[]): LlmStreamPart[] {
    const parts: LlmStreamPart[] = [];
    const reader = createChatChunkReader((part) => parts.push(part));
    for (const event of events) if (reader.read(typeof event === 'string' ? event : JSON.stringify(event))) break;
    reader.finish();
    return parts;
  }

  it('emits tool calls that never got a finish_reason at the end, with finishReason tool-calls', () => {
    const parts = read([
      { choices: [{ delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"ci' } }] } }] },
      { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Oslo"}' } }] } }] },
    ]);
    expect(parts).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', args: { city: 'Oslo' } },
      { type: 'finish', finishReason: 'tool-calls', usage: { inputTokens: 0, outputTokens: 0 } },
    ]);
  });

  it('reads usage after the finish_reason chunk and stops at [DONE]', () => {
    const parts = read([
      { choices: [{ delta: { content: 'Hi' }, finish_reason: null }] },
      { choices: [{ delta: {}, finish_reason: 'length' }] },
      { choices: [], usage: { prompt_tokens: 5, completion_tokens: 1 } },
      '[DONE]',
      { choices: [{ delta: { content: 'ignored' } }] },
    ]);
    expect(parts).toEqual([{ type: 'text-delta', delta: 'Hi' }, { type: 'finish', finishReason: 'length', usage: { inputTokens: 5, outputTokens: 1 } }]);
  });

  it('throws an LlmError for an error event or a chunk that is not JSON', () => {
    expect(() => read([{ error: { message: 'overloaded' } }])).toThrow(LlmError);
    expect(() => read(['{not json'])).toThrow(LlmError);
  });
});

describe('chatEndpointOf', () => {
  it.each([
    'http://127.0.0.1:11434/v1',
    'http://localhost:8080/v1/',
    'https://api.example.test/openai/v1//',
    'https://api.example.test',
    'http://[::1]:9000/v1',
    'http://user:p%40ss@127.0.0.1:8000/v1',
  ])('gives the request options http.request would derive from the URL (%s)', (baseUrl) => {
    const derived = urlToHttpOptions(new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`));
    const { options, send } = chatEndpointOf(baseUrl);
    expect(options).toEqual({
      protocol: derived.protocol, hostname: derived.hostname, path: derived.path,
      ...(derived.port === undefined || derived.port === '' ? {} : { port: Number(derived.port) }),
      ...(derived.auth === undefined ? {} : { auth: derived.auth }),
    });
    expect(send).toBe(baseUrl.startsWith('https:') ? httpsRequest : httpRequest);
    expect(chatEndpointOf(baseUrl)).toBe(chatEndpointOf(baseUrl));
  });

  it('streams from a base URL with a path prefix and a trailing slash', async () => {
    const double = await startOpenAiDouble({ apiKey: 'key', scenario: { kind: 'reply', text: 'Hello there.' } });
    closers.push(() => double.close());
    const client = createLlmClient({ retry: { attempts: 1, baseDelayMs: 1 } });
    const parts = await collect(client.streamChat(request({ kind: 'openai-compatible', baseUrl: `${double.baseUrl}/`, apiKey: 'key', model: 'gpt-4.1' }, { tools: [] })));
    expect(normalise(parts)[0]).toEqual({ type: 'text-delta', delta: 'Hello there.' });
  });
});
