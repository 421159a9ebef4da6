import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicDouble, type AnthropicDouble } from './anthropic-double.js';
import { startOllamaDouble } from './ollama-double.js';
import { readTinyPng, createTinyPng } from '../tiny-png.js';
import { startOpenAiDouble, type OpenAiDouble, type OpenAiMediaDouble } from './openai-double.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function openAiDouble(...parameters: Parameters<typeof startOpenAiDouble>): Promise<OpenAiMediaDouble> {
  const double = await startOpenAiDouble(...parameters);
  closers.push(() => double.close());
  return double;
}

async function anthropicDouble(...parameters: Parameters<typeof startAnthropicDouble>): Promise<AnthropicDouble> {
  const double = await startAnthropicDouble(...parameters);
  closers.push(() => double.close());
  return double;
}

function client(double: OpenAiDouble, apiKey = 'test-key'): OpenAI {
  return new OpenAI({ baseURL: double.baseUrl, apiKey, maxRetries: 0 });
}

/** Parses an SSE body into `{ event, data }` records (the WHATWG format: blank-line separated). */
async function readSse(response: Response): Promise<{ event: string | undefined; data: Record<string, unknown> }[]> {
  const text = await response.text();
  return text.split('\n\n').filter((block) => block.trim() !== '').map((block) => {
    const lines = block.split('\n');
    const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
    const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    return { event, data: JSON.parse(data) as Record<string, unknown> };
  });
}

const weatherCall = { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } };

describe('OpenAI double', () => {
  it('lists models in OpenAI list format', async () => {
    const double = await openAiDouble({ models: ['b-model', 'a-model'] });
    const page = await client(double).models.list();
    expect(page.data.map((model) => model.id)).toEqual(['b-model', 'a-model']);
    expect(page.data[0]).toMatchObject({ object: 'model', owned_by: 'openai' });
  });

  it('streams text, reasoning_content, split tool-call deltas and a usage chunk to the official client', async () => {
    const double = await openAiDouble({ scenario: { kind: 'reply', text: 'It is sunny.', reasoning: 'Let me think.', toolCalls: [weatherCall] } });
    const stream = await client(double).chat.completions.create({
      model: 'gpt-4.1', messages: [{ role: 'user', content: 'Weather?' }], stream: true, stream_options: { include_usage: true },
    });
    let text = '';
    let reasoning = '';
    const toolArguments: string[] = [];
    const toolNames: string[] = [];
    let finishReason: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let argumentDeltas = 0;
    for await (const chunk of stream) {
      usage ??= chunk.usage;
      const choice = chunk.choices[0];
      if (choice === undefined) continue;
      text += choice.delta.content ?? '';
      reasoning += (choice.delta as { reasoning_content?: string }).reasoning_content ?? '';
      for (const call of choice.delta.tool_calls ?? []) {
        if (call.function?.name !== undefined) toolNames[call.index] = call.function.name;
        if (call.function?.arguments) {
          argumentDeltas += 1;
          toolArguments[call.index] = (toolArguments[call.index] ?? '') + call.function.arguments;
        }
      }
      finishReason = choice.finish_reason ?? finishReason;
    }
    expect(text).toBe('It is sunny.');
    expect(reasoning).toBe('Let me think.');
    expect(toolNames).toEqual(['get_weather']);
    expect(argumentDeltas).toBeGreaterThan(1);
    expect(JSON.parse(toolArguments[0] ?? '')).toEqual(weatherCall.arguments);
    expect(finishReason).toBe('tool_calls');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(double.requests[0]?.headers.authorization).toBe('Bearer test-key');
  });

  it('answers non-streamed completions with a chat.completion and usage', async () => {
    const double = await openAiDouble({ scenario: { kind: 'reply', text: 'Hi there.' } });
    const completion = await client(double).chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe('Hi there.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('rejects a wrong key with 401 and OpenAI error JSON', async () => {
    const double = await openAiDouble();
    const failure = await client(double, 'wrong-key-123456').models.list().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe('invalid_api_key');
  });

  it('fails the first n requests of a status scenario, then replies, and picks scenarios per model', async () => {
    const double = await openAiDouble({ scenarios: { 'flaky': { kind: 'status', status: 429, times: 1, retryAfterSeconds: 1 } } });
    const openai = client(double);
    const first = await openai.chat.completions.create({ model: 'flaky', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(OpenAI.RateLimitError);
    expect((first as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('1');
    const second = await openai.chat.completions.create({ model: 'flaky', messages: [{ role: 'user', content: 'x' }] });
    expect(second.choices[0]?.message.content).toBe('Hello from the test double.');
  });

  it('cuts the connection after some tokens and records client aborts', async () => {
    const double = await openAiDouble({ scenario: { kind: 'cut', afterTokens: 3 } });
    const stream = await client(double).chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(text).toBe('word1 word2 word3');
    expect(double.aborted).toHaveLength(0);

    double.setScenario({ kind: 'hang' });
    const controller = new AbortController();
    const hanging = client(double).chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], stream: true }, { signal: controller.signal });
    const iteration = hanging.then(async (chunks) => {
      for await (const _chunk of chunks) { /* nothing arrives */ }
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await iteration;
    await expect(double.waitForAborted(1)).resolves.toHaveLength(1);
  });

  it('answers 400 "tools is not supported" only when the request has tools', async () => {
    const double = await openAiDouble({ scenario: { kind: 'tools-unsupported' } });
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
    const failure = await client(double).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String((failure as Error).message)).toMatch(/tools is not supported/);
    const plain = await client(double).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(plain.choices[0]?.message.content).toBe('No tools needed.');
  });
});

describe('OpenAI double media endpoints', () => {
  it('generates b64_json PNGs for the official client and records model, prompt, size and n', async () => {
    const double = await openAiDouble();
    const result = await client(double).images.generate({ model: 'dall-e-3', prompt: 'A red square', size: '1024x1024', n: 2, response_format: 'b64_json' });
    expect(result.data).toHaveLength(2);
    const png = Buffer.from(result.data?.[0]?.b64_json ?? '', 'base64');
    expect(readTinyPng(png)).toEqual({ width: 2, height: 2, firstPixel: [255, 0, 0] });
    expect(double.requests[0]?.body).toEqual({ model: 'dall-e-3', prompt: 'A red square', size: '1024x1024', n: 2, response_format: 'b64_json' });

    double.setImageScenario({ kind: 'images', answerWith: 'url' });
    const withUrls = await client(double).images.generate({ model: 'dall-e-3', prompt: 'x', response_format: 'b64_json' });
    expect(withUrls.data?.[0]).toEqual({ url: 'https://images.invalid/img-1.png' });
    const missingPrompt = await fetch(`${double.baseUrl}/images/generations`, { method: 'POST', headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' }, body: '{"model":"dall-e-3"}' });
    expect(missingPrompt.status).toBe(400);
  });

  it('parses an image edit sent as multipart by the official client', async () => {
    const double = await openAiDouble({ media: { images: { kind: 'images', images: [createTinyPng(3, 3, [0, 0, 255])] } } });
    const source = createTinyPng(4, 4);
    const result = await client(double).images.edit({
      model: 'gpt-image-1', prompt: 'Make it blue', size: '256x256', image: await toFile(source, 'source.png', { type: 'image/png' }),
    });
    expect(readTinyPng(Buffer.from(result.data?.[0]?.b64_json ?? '', 'base64')).firstPixel).toEqual([0, 0, 255]);
    const [form] = double.forms;
    expect(form?.fields).toMatchObject({ model: 'gpt-image-1', prompt: 'Make it blue', size: '256x256' });
    expect(form?.files.image).toMatchObject({ filename: 'source.png', type: 'image/png' });
    expect(form?.files.image?.data.equals(source)).toBe(true);
    const notAnImage = await client(double).images.edit({ model: 'gpt-image-1', prompt: 'x', image: await toFile(Buffer.from('hello'), 'a.png') }).catch((error: unknown) => error);
    expect(notAnImage).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('transcribes multipart audio for the official client and checks the file extension like OpenAI', async () => {
    const double = await openAiDouble({ media: { transcription: { kind: 'transcript', text: 'Bonjour tout le monde.' } } });
    const audio = Buffer.from('RIFF0000WAVEfmt ');
    const result = await client(double).audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'hello.wav'), language: 'fr', prompt: 'French greeting' });
    expect(result.text).toBe('Bonjour tout le monde.');
    expect(double.forms[0]?.fields).toMatchObject({ model: 'whisper-1', language: 'fr', prompt: 'French greeting' });
    expect(double.forms[0]?.files.file?.data.equals(audio)).toBe(true);
    const wrongType = await client(double).audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'hello.txt') }).catch((error: unknown) => error);
    expect(wrongType).toBeInstanceOf(OpenAI.BadRequestError);
    double.setTranscriptionScenario({ kind: 'status', status: 500 });
    const broken = await client(double).audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'hello.wav') }).catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('accepts PNG data URLs in chat and refuses a data URL whose bytes are not the declared image type', async () => {
    const double = await openAiDouble({ scenario: { kind: 'reply', text: 'A red square.' } });
    const url = `data:image/png;base64,${createTinyPng().toString('base64')}`;
    const content = [{ type: 'text' as const, text: 'What is this?' }, { type: 'image_url' as const, image_url: { url } }];
    const completion = await client(double).chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content }] });
    expect(completion.choices[0]?.message.content).toBe('A red square.');
    const bad = [{ type: 'image_url' as const, image_url: { url: `data:image/png;base64,${Buffer.from('not a png').toString('base64')}` } }];
    const failure = await client(double).chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: bad }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe('invalid_image_format');
  });
});

describe('Ollama double', () => {
  it('serves /api/tags and the OpenAI-compatible API without a key', async () => {
    const double = await startOllamaDouble({ models: ['llama3.2:3b'] });
    closers.push(() => double.close());
    const tags = (await (await fetch(`${double.origin}/api/tags`)).json()) as { models: { name: string }[] };
    expect(tags.models.map((model) => model.name)).toEqual(['llama3.2:3b']);
    const openai = new OpenAI({ baseURL: double.baseUrl, apiKey: 'ollama', maxRetries: 0 });
    expect((await openai.models.list()).data[0]).toMatchObject({ id: 'llama3.2:3b', owned_by: 'library' });
    const completion = await openai.chat.completions.create({ model: 'llama3.2:3b', messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello from the test double.');
  });
});

describe('Anthropic double', () => {
  const headers = { 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

  it('streams the documented event sequence with thinking, text and tool_use blocks', async () => {
    const double = await anthropicDouble({ scenario: { kind: 'reply', text: 'Sunny today.', reasoning: 'Checking weather.', toolCalls: [weatherCall] } });
    const response = await fetch(`${double.baseUrl}/messages`, {
      method: 'POST', headers, body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'Weather?' }] }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readSse(response);
    for (const { event, data } of events) expect(data.type).toBe(event);
    const names = events.map(({ event }) => event);
    expect(names[0]).toBe('message_start');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const deltas = events.filter(({ event }) => event === 'content_block_delta').map(({ data }) => data.delta as Record<string, string>);
    expect(deltas.filter((delta) => delta.type === 'thinking_delta').map((delta) => delta.thinking).join('')).toBe('Checking weather.');
    expect(deltas.filter((delta) => delta.type === 'text_delta').map((delta) => delta.text).join('')).toBe('Sunny today.');
    const json = deltas.filter((delta) => delta.type === 'input_json_delta').map((delta) => delta.partial_json);
    expect(json.length).toBeGreaterThan(1);
    expect(JSON.parse(json.join(''))).toEqual(weatherCall.arguments);
    const starts = events.filter(({ event }) => event === 'content_block_start').map(({ data }) => (data.content_block as { type: string }).type);
    expect(starts).toEqual(['thinking', 'text', 'tool_use']);
    expect(events.filter(({ event }) => event === 'content_block_stop')).toHaveLength(3);
    const messageDelta = events.at(-2)?.data as { delta: { stop_reason: string }; usage: { output_tokens: number } };
    expect(messageDelta.delta.stop_reason).toBe('tool_use');
    expect(messageDelta.usage.output_tokens).toBeGreaterThan(0);
  });

  it('answers non-streamed messages and rejects a wrong x-api-key', async () => {
    const double = await anthropicDouble();
    const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
    const message = (await (await fetch(`${double.baseUrl}/messages`, { method: 'POST', headers, body })).json()) as Record<string, unknown>;
    expect(message).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn', content: [{ type: 'text', text: 'Hello from the test double.' }] });
    const rejected = await fetch(`${double.baseUrl}/messages`, { method: 'POST', headers: { ...headers, 'x-api-key': 'nope' }, body });
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
  });

  it('pages /v1/models with has_more and after_id', async () => {
    const double = await anthropicDouble({ models: ['a', 'b', 'c'], pageSize: 2 });
    const first = (await (await fetch(`${double.baseUrl}/models`, { headers })).json()) as { data: { id: string }[]; has_more: boolean; last_id: string };
    expect(first.data.map((model) => model.id)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ has_more: true, first_id: 'a', last_id: 'b' });
    const second = (await (await fetch(`${double.baseUrl}/models?after_id=${first.last_id}`, { headers })).json()) as { data: { id: string; type: string }[]; has_more: boolean };
    expect(second.data).toEqual([expect.objectContaining({ id: 'c', type: 'model' })]);
    expect(second.has_more).toBe(false);
  });
});
