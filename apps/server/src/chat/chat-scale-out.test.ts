import type { ChatServerMessage } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChat, startChatHarness, type ChatClient, type ChatHarness } from '../test/chat-harness.js';
import type { DirectScenario } from '../test/llm-doubles/scenarios.js';
import { testRedisUrl } from '../test/redis-test-keys.js';

// Two server instances of one deployment (same database, same secrets) over one Redis, as behind a load
// balancer: a browser that reconnects may land on either.
let harness: ChatHarness;
let secondUrl: string;
beforeAll(async () => {
  harness = await startChatHarness({ CHAT_MAX_CONCURRENT_REPLIES: '2' }, { redisUrl: testRedisUrl });
  secondUrl = (await harness.startPeer()).baseUrl;
});
afterAll(() => harness.close());

type Reply = Extract<ChatServerMessage, { seq: number }>;
let sequence = 0;
function send(content: string) {
  sequence += 1;
  return { type: 'chat.send', conversationId: `scale-${sequence}`, messageId: `scale-msg-${sequence}`, modelId: harness.modelId, messages: [{ role: 'user', content }] };
}
const replyOf = (client: ChatClient, conversationId: string) =>
  client.received.filter((message): message is Reply => (message as Reply).conversationId === conversationId && typeof (message as Reply).seq === 'number');
const textOf = (messages: Reply[]) => messages.map((message) => (message.type === 'chat.text-delta' ? message.delta : '')).join('');
const toolResults = (body: unknown) => ((body as { messages?: Array<{ role: string; content?: unknown }> }).messages ?? []).filter((message) => message.role === 'tool');
const connectFirst = () => connectChat(harness.baseUrl, harness.admin.accessToken);
const connectSecond = () => connectChat(secondUrl, harness.admin.accessToken);

describe('chat across two instances (Redis)', () => {
  it('resumes on the other instance after a drop, with every message once in seq order, then continues live there', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 60, tokenDelayMs: 15 });
    const first = await connectFirst();
    const request = send('Count for me');
    first.send(request);
    await first.waitFor((message) => message.type === 'chat.text-delta' && message.conversationId === request.conversationId && message.seq >= 4);
    first.socket.terminate();
    const seen = replyOf(first, request.conversationId);
    const second = await connectSecond();
    second.send({ type: 'chat.resume', conversationId: request.conversationId, messageId: request.messageId, afterSeq: seen.at(-1)?.seq ?? 0 });
    await second.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId);
    const all = [...seen, ...replyOf(second, request.conversationId)].filter((message) => message.type !== 'chat.title');
    expect(all.map((message) => message.seq)).toEqual(all.map((_, index) => index + 1));
    expect(textOf(all).trim().split(/\s+/)).toHaveLength(60);
    await second.close();
  });

  it('takes the answer to an ask_user form on the other instance, and the reply goes on live there', async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => toolResults(body).length === 0
        ? { kind: 'reply', text: 'Let me ask.', toolCalls: [{ id: 'call_ask', name: 'ask_user', arguments: { title: 'Your trip', questions: [{ id: 'city', type: 'select', label: 'Which city?', options: ['Lisbon', 'Porto'] }] } }] }
        : { kind: 'reply', text: `You chose ${JSON.stringify(toolResults(body)[0]?.content)}`, tokenDelayMs: 5 },
    });
    const first = await connectFirst();
    const request = send('Plan my trip');
    first.send(request);
    await first.waitFor((message) => message.type === 'prompt.request' && message.conversationId === request.conversationId);
    first.socket.terminate();
    // The browser had applied only chat.start: the rest, the form included, comes back from the replay.
    const second = await connectSecond();
    second.send({ type: 'chat.resume', conversationId: request.conversationId, messageId: request.messageId, afterSeq: 1 });
    const form = await second.waitFor((message) => message.type === 'prompt.request' && message.conversationId === request.conversationId);
    if (form.type !== 'prompt.request') throw new Error('not a form');

    second.send({ type: 'prompt.answer', conversationId: 'someone-else', promptId: form.promptId, answers: { city: 'Rome' } });
    expect(await second.waitFor((message) => message.type === 'chat.error' && message.conversationId === 'someone-else')).toMatchObject({ code: 'invalid_request' });
    second.send({ type: 'prompt.answer', conversationId: request.conversationId, promptId: form.promptId, answers: { city: 'Porto' } });
    await second.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId);

    const resumed = replyOf(second, request.conversationId).filter((message) => message.type !== 'chat.title');
    expect(resumed.map((message) => message.seq)).toEqual(resumed.map((_, index) => index + 2));
    // What came after the form could only be produced once the answer got through: it arrived live.
    const afterForm = resumed.filter((message) => message.seq > form.seq);
    expect(afterForm.find((message) => message.type === 'chat.tool-result')).toMatchObject({
      status: 'completed', result: { status: 'answered', answers: { city: { answer: 'Porto' } } },
    });
    expect(textOf(afterForm)).toContain('Porto');
    expect(textOf(resumed)).not.toContain('Rome');
    // The same answer again is refused: the form was answered once.
    second.send({ type: 'prompt.answer', conversationId: request.conversationId, promptId: form.promptId, answers: { city: 'Lisbon' } });
    expect(await second.waitFor((message) => message.type === 'chat.error' && message.conversationId === request.conversationId && message.code === 'invalid_request')).toBeDefined();
    await second.close();
  });

  it('stops a reply from the other instance: the provider request made by the first one is closed', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 400, tokenDelayMs: 20 });
    const [first, second] = await Promise.all([connectFirst(), connectSecond()]);
    const abortedBefore = harness.double.aborted.length;
    const request = send('Write a long essay');
    first.send(request);
    await first.waitFor((message) => message.type === 'chat.text-delta' && message.conversationId === request.conversationId);
    second.send({ type: 'chat.stop', conversationId: request.conversationId });
    expect(await first.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId)).toMatchObject({ finishReason: 'stopped' });
    await harness.double.waitForAborted(abortedBefore + 1);
    await Promise.all([first.close(), second.close()]);
  });

  it('holds "conversation busy" and the per-user limit across instances', async () => {
    harness.double.setScenario({ kind: 'reply', wordCount: 400, tokenDelayMs: 20 });
    const [first, second] = await Promise.all([connectFirst(), connectSecond()]);
    const one = send('Long one');
    first.send(one);
    await first.waitFor((message) => message.type === 'chat.start' && message.conversationId === one.conversationId);
    second.send({ ...one, messageId: 'again' });
    expect(await second.waitFor((message) => message.type === 'chat.error' && message.conversationId === one.conversationId)).toMatchObject({ code: 'conversation_busy' });

    const two = send('Long two');
    second.send(two);
    await second.waitFor((message) => message.type === 'chat.start' && message.conversationId === two.conversationId);
    const three = send('One too many');
    first.send(three);
    expect(await first.waitFor((message) => message.type === 'chat.error' && message.conversationId === three.conversationId)).toMatchObject({ code: 'too_many_streams', retryable: true });

    // Each stopped from the instance that does not run it; then the user has room again.
    second.send({ type: 'chat.stop', conversationId: one.conversationId });
    first.send({ type: 'chat.stop', conversationId: two.conversationId });
    await first.waitFor((message) => message.type === 'chat.finish' && message.conversationId === one.conversationId);
    await second.waitFor((message) => message.type === 'chat.finish' && message.conversationId === two.conversationId);
    harness.double.setScenario({ kind: 'reply', text: 'Room again.' });
    const four = { ...send('Now it fits'), conversationId: one.conversationId };
    second.send(four);
    await second.waitFor((message) => message.type === 'chat.finish' && message.messageId === four.messageId);
    expect(textOf(replyOf(second, one.conversationId).filter((message) => message.messageId === four.messageId))).toBe('Room again.');
    await Promise.all([first.close(), second.close()]);
  });
});
