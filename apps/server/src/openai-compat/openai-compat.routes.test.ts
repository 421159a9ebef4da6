import { createHash, randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../test/chat-harness.js';
import { bearer } from '../test/factories.js';

let harness: ChatHarness;
let apiKey: string;
let client: OpenAI;

async function createKey(payload: object): Promise<string> {
  const response = await harness.app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(harness.admin.accessToken), payload });
  return response.json<{ apiKey: string }>().apiKey;
}

beforeAll(async () => {
  harness = await startChatHarness();
  apiKey = await createKey({ name: 'sdk', scopes: ['chat'], rateLimitPerMinute: 1000 });
  client = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey, maxRetries: 0 });
});
afterAll(() => harness.close());

describe('/v1 with the official openai client', () => {
  it('lists the user’s models', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(expect.arrayContaining(['test-model', 'other-model']));
  });

  it('answers a non-streamed completion with usage', async () => {
    harness.double.setScenario({ kind: 'reply', text: 'Plain answer.' });
    const completion = await client.chat.completions.create({ model: 'test-model', messages: [{ role: 'system', content: 'Short.' }, { role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Plain answer.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams a completion and ends with a usage chunk when asked', async () => {
    harness.double.setScenario({ kind: 'reply', text: 'One two three four five.' });
    const stream = await client.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'Count' }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('One two three four five.');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('passes tools through and returns the model’s tool calls, then accepts the tool result', async () => {
    harness.double.setScenario({ kind: 'reply', text: '', toolCalls: [{ id: 'call_weather', name: 'get_weather', arguments: { city: 'Paris' } }] });
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
    const completion = await client.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' ? call.function : undefined).toMatchObject({ name: 'get_weather' });
    expect(JSON.parse(call?.type === 'function' ? call.function.arguments : '{}')).toEqual({ city: 'Paris' });
    const upstream = harness.double.requests.at(-1)?.body as { tools?: Array<{ function: { name: string } }> };
    expect(upstream.tools?.[0]?.function.name).toBe('get_weather');

    harness.double.setScenario({ kind: 'reply', text: 'It is sunny in Paris.' });
    const followUp = await client.chat.completions.create({
      model: 'test-model', tools,
      messages: [{ role: 'user', content: 'Weather in Paris?' }, completion.choices[0]!.message, { role: 'tool', tool_call_id: call?.id ?? '', content: '{"sky":"clear"}' }],
    });
    expect(followUp.choices[0]?.message.content).toBe('It is sunny in Paris.');
    expect(JSON.stringify(harness.double.requests.at(-1)?.body)).toContain('"role":"tool"');
  });

  it('refuses a bad key, a revoked key and a key without the chat scope', async () => {
    await expect(new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: `clv_${'0'.repeat(64)}`, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 401 });
    const revokedKey = await createKey({ name: 'old', scopes: ['chat'] });
    const keys = (await harness.app.http.inject({ url: '/api/keys', headers: bearer(harness.admin.accessToken) })).json<{ keys: Array<{ id: string; name: string }> }>().keys;
    await harness.app.http.inject({ method: 'POST', url: `/api/keys/${keys.find((key) => key.name === 'old')?.id ?? ''}/revoke`, headers: bearer(harness.admin.accessToken) });
    await expect(new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: revokedKey, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 401 });
    // A key created by a later release with another scope only: stored directly.
    const uploadOnly = `clv_${randomUUID().replaceAll('-', '')}${randomUUID().replaceAll('-', '')}`;
    await harness.app.database.db.insertInto('api_keys').values({
      id: randomUUID(), user_id: harness.admin.user.id, name: 'upload', prefix: uploadOnly.slice(0, 12), key_hash: createHash('sha256').update(uploadOnly).digest('hex'),
      scopes: JSON.stringify(['upload']), rate_limit_per_minute: 60, expires_at: null, last_used_at: null, revoked_at: null, created_at: new Date().toISOString(),
    }).execute();
    await expect(new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: uploadOnly, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 403 });
    // A user's JWT is not an API key.
    await expect(new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: harness.admin.accessToken, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('enforces the per-key rate limit with 429 and Retry-After', async () => {
    const limited = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: await createKey({ name: 'slow', scopes: ['chat'], rateLimitPerMinute: 2 }), maxRetries: 0 });
    await limited.models.list();
    await limited.models.list();
    const error = await limited.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBeTruthy();
  });

  it('answers an unknown model and a malformed body with clear errors', async () => {
    await expect(client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
    const response = await fetch(`${harness.baseUrl}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'test-model', messages: [] }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringContaining('messages') } });
  });

  it('opens the stream as soon as the provider accepts, before the first token', async () => {
    harness.double.setScenario({ kind: 'hang' }); // SSE headers, then no token
    const abortedBefore = harness.double.aborted.length;
    const controller = new AbortController();
    const response = await fetch(`${harness.baseUrl}/v1/chat/completions`, {
      method: 'POST', signal: controller.signal, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'Slow' }], stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const first = await response.body!.getReader().read();
    const event = JSON.parse(new TextDecoder().decode(first.value).replace(/^data: /, '').trim()) as { choices: Array<{ delta: object }> };
    expect(event.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    controller.abort();
    await harness.double.waitForAborted(abortedBefore + 1);
  });

  it('answers a provider refusal with a JSON error, and a failure after it accepted with an error event', async () => {
    harness.double.setScenario({ kind: 'status', status: 400, message: 'Bad things in the prompt.' });
    const post = () => fetch(`${harness.baseUrl}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
    });
    const refused = await post();
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining('Bad things in the prompt.') } });

    harness.double.setScenario({ kind: 'cut', afterTokens: 0 }); // accepted (200), then the connection drops
    const cut = await post();
    expect(cut.status).toBe(200);
    const text = await cut.text();
    expect(text).toContain('"delta":{"role":"assistant","content":""}');
    expect(text).toMatch(/data: \{"error":\{"message":"[^"]+","type":"stream_error"/);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('closes the upstream request when the client aborts a stream', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 300, tokenDelayMs: 20 });
    const abortedBefore = harness.double.aborted.length;
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'Long' }], stream: true }, { signal: controller.signal });
    let chunks = 0;
    // The openai client ends the iteration quietly or with an abort error, depending on timing.
    await (async () => {
      for await (const _chunk of stream) {
        chunks += 1;
        if (chunks === 3) controller.abort();
      }
    })().catch(() => undefined);
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(chunks).toBeLessThan(300);
    await harness.double.waitForAborted(abortedBefore + 1);
  });
});
