import type { ChatServerMessage, SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChat, startChatHarness, type ChatHarness } from '../test/chat-harness.js';
import { bearer, registerUser, setRegistrationMode } from '../test/factories.js';

let harness: ChatHarness;
beforeAll(async () => {
  harness = await startChatHarness();
});
afterAll(() => harness.close());

let sequence = 0;
const ids = () => {
  sequence += 1;
  return { conversationId: `conv-${sequence}`, messageId: `msg-${sequence}` };
};
const send = (modelId: string, content: string, extra: object = {}) => ({
  type: 'chat.send', ...ids(), modelId, messages: [{ role: 'user', content }], ...extra,
});
type Reply = Extract<ChatServerMessage, { seq: number }>;
const replyOf = (messages: unknown[], conversationId: string) =>
  messages.filter((message): message is Reply => (message as Reply).conversationId === conversationId && typeof (message as Reply).seq === 'number');
const textOf = (messages: Reply[]) => messages.map((message) => (message.type === 'chat.text-delta' ? message.delta : '')).join('');

describe('WS /ws/chat', () => {
  it('streams a reply with seq 1, 2, 3… then finish with usage and a title; the provider gets the conversation', async () => {
    harness.double.setScenario({ kind: 'reply', text: 'Streaming works end to end.' });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send(harness.modelId, 'Say something', { systemPrompt: 'Be brief.' });
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.title' && message.conversationId === request.conversationId);
    const reply = replyOf(client.received, request.conversationId);
    expect(reply.map((message) => message.seq)).toEqual(reply.map((_, index) => index + 1));
    expect(reply[0]).toMatchObject({ type: 'chat.start', modelId: harness.modelId, messageId: request.messageId });
    expect(textOf(reply)).toBe('Streaming works end to end.');
    const finish = reply.find((message) => message.type === 'chat.finish');
    expect(finish).toMatchObject({ finishReason: 'stop', usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) } });
    const upstream = harness.double.requests.find((recorded) => (JSON.stringify(recorded.body) ?? '').includes('Say something'));
    expect(upstream?.headers.authorization).toBe('Bearer test-key');
    expect(JSON.stringify(upstream?.body)).toContain('Be brief.');
    await client.close();
    // Usage is written after the reply ends (the conversation is freed first), so it may land just after finish.
    const requestsCounted = async () => {
      const usage = await harness.app.database.db.selectFrom('usage_counters').selectAll().where('user_id', '=', harness.admin.user.id).execute();
      return Number(usage[0]?.requests ?? 0);
    };
    await expect.poll(requestsCounted, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
  });

  it('stops a reply: the provider sees its request closed and the reply ends with finish "stopped"', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 400, tokenDelayMs: 20 });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const abortedBefore = harness.double.aborted.length;
    const request = send(harness.modelId, 'Write a long essay');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.text-delta' && message.conversationId === request.conversationId);
    client.send({ type: 'chat.stop', conversationId: request.conversationId });
    const finish = await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId);
    expect(finish).toMatchObject({ finishReason: 'stopped' });
    await harness.double.waitForAborted(abortedBefore + 1);
    await client.close();
  });

  it('keeps generating when the socket drops, and a new socket resumes after the last seq without gaps or repeats', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 60, tokenDelayMs: 15 });
    const first = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send(harness.modelId, 'Count for me');
    first.send(request);
    await first.waitFor((message) => message.type === 'chat.text-delta' && message.conversationId === request.conversationId && message.seq >= 4);
    first.socket.terminate();
    const seen = replyOf(first.received, request.conversationId);
    const lastSeq = seen.at(-1)?.seq ?? 0;
    const second = await connectChat(harness.baseUrl, harness.admin.accessToken);
    second.send({ type: 'chat.resume', conversationId: request.conversationId, messageId: request.messageId, afterSeq: lastSeq });
    await second.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId);
    const rest = replyOf(second.received, request.conversationId);
    const all = [...seen, ...rest].filter((message) => message.type !== 'chat.title');
    expect(all.map((message) => message.seq)).toEqual(all.map((_, index) => index + 1));
    expect(textOf(all).trim().split(/\s+/)).toHaveLength(60);
    await second.close();
  });

  it('refuses a second send in a busy conversation, an unknown model, and a resume of another user’s reply', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 100, tokenDelayMs: 10 });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send(harness.modelId, 'Busy one');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.start' && message.conversationId === request.conversationId);
    client.send({ ...request, messageId: 'another' });
    expect(await client.waitFor((message) => message.type === 'chat.error' && message.code === 'conversation_busy')).toMatchObject({ retryable: false });

    const unknown = send('no-such-model', 'Hello');
    client.send(unknown);
    const error = await client.waitFor((message) => message.type === 'chat.error' && message.conversationId === unknown.conversationId);
    expect(error).toMatchObject({ code: 'model_not_found' });

    await setRegistrationMode(harness.app, harness.admin.accessToken, 'open');
    const stranger = (await registerUser(harness.app)).json<SessionResponse>();
    const strangerClient = await connectChat(harness.baseUrl, stranger.accessToken);
    strangerClient.send({ type: 'chat.resume', conversationId: request.conversationId, messageId: request.messageId, afterSeq: 0 });
    expect(await strangerClient.waitFor((message) => message.type === 'chat.error')).toMatchObject({ code: 'resume_not_found' });
    expect(replyOf(strangerClient.received, request.conversationId).some((message) => message.type === 'chat.text-delta')).toBe(false);
    await Promise.all([client.close(), strangerClient.close()]);
  });

  it('answers malformed messages with an error and keeps the socket open', async () => {
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    client.send({ type: 'chat.send', conversationId: 'x' });
    expect(await client.waitFor((message) => message.type === 'error')).toMatchObject({ code: 'validation_failed' });
    client.send({ type: 'ping', timestamp: 1 });
    await client.waitFor((message) => message.type === 'pong');
    await client.close();
  });

  it('reports a provider that keeps failing as a retryable chat.error after retries', async () => {
    harness.double.setScenario({ kind: 'status', status: 503, times: 10 });
    const before = harness.double.requests.length;
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send(harness.modelId, 'Anyone there?');
    client.send(request);
    const error = await client.waitFor((message) => message.type === 'chat.error' && message.conversationId === request.conversationId, 20_000);
    expect(error).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(harness.double.requests.length - before).toBe(3);
    await client.close();
  });
});

describe('GET /api/models', () => {
  it('lists the fetched models for a signed-in user', async () => {
    const response = await harness.app.http.inject({ url: '/api/models', headers: bearer(harness.admin.accessToken) });
    expect(response.json<{ models: Array<{ id: string; name: string }> }>().models.map((model) => model.name)).toEqual(expect.arrayContaining(['test-model', 'other-model']));
  });
});
