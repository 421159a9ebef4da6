import type { ChatServerMessage } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChat, startChatHarness, type ChatHarness } from '../test/chat-harness.js';
import type { DirectScenario } from '../test/llm-doubles/scenarios.js';

interface OpenAiBody {
  stream?: boolean;
  tools?: Array<{ type: string; function: { name: string; parameters: Record<string, unknown> } }>;
  messages: Array<{ role: string; content?: unknown; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }>;
}
type Reply = Extract<ChatServerMessage, { seq: number }>;
/** calculate_math starts its worker thread on first use, which takes seconds on a loaded machine. */
const toolRunMs = 60_000;

let harness: ChatHarness;
beforeAll(async () => {
  harness = await startChatHarness({ TOOL_MAX_STEPS: '3' });
});
afterAll(() => harness.close());

let sequence = 0;
function send(content: string, extra: object = {}) {
  sequence += 1;
  return { type: 'chat.send', conversationId: `tools-${sequence}`, messageId: `tools-msg-${sequence}`, modelId: harness.modelId, messages: [{ role: 'user', content }], ...extra };
}
const replyOf = (messages: unknown[], conversationId: string) =>
  messages.filter((message): message is Reply => (message as Reply).conversationId === conversationId && typeof (message as Reply).seq === 'number');
const textOf = (messages: Reply[]) => messages.map((message) => (message.type === 'chat.text-delta' ? message.delta : '')).join('');
/** The streamed chat requests the double received for one user message (titles are not streamed). */
const streamedRequestsAbout = (marker: string) =>
  harness.double.requests
    .filter((request) => request.path === '/v1/chat/completions' && (request.body as OpenAiBody).stream === true && JSON.stringify(request.body).includes(marker))
    .map((request) => request.body as OpenAiBody);
const toolMessages = (body: unknown) => ((body as OpenAiBody).messages ?? []).filter((message) => message.role === 'tool');

describe('tools in chat', () => {
  it('runs two tool calls of one step in parallel, streams their cards, and gives the model their results', { timeout: 90_000 }, async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => {
        const results = toolMessages(body);
        if (results.length === 0) {
          return { kind: 'reply', text: 'Let me check.', toolCalls: [
            { id: 'call_time', name: 'get_current_time', arguments: { timezone: 'Asia/Tokyo' } },
            { id: 'call_math', name: 'calculate_math', arguments: { expression: '2^10 + 1' } },
          ] };
        }
        return { kind: 'reply', text: `Both done: ${results.map((message) => String(message.content)).join(' | ')}` };
      },
    });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('What time is it in Tokyo, and what is 2^10 + 1?');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    const reply = replyOf(client.received, request.conversationId);
    expect(reply.map((message) => message.seq)).toEqual(reply.map((_, index) => index + 1));

    const calls = reply.filter((message) => message.type === 'chat.tool-call');
    expect(calls).toEqual([
      expect.objectContaining({ toolCallId: 'call_time', toolName: 'get_current_time', displayName: 'Get Current Time', icon: expect.stringMatching(/^[A-Z]/), args: { timezone: 'Asia/Tokyo' } }),
      expect.objectContaining({ toolCallId: 'call_math', toolName: 'calculate_math', displayName: 'Calculate Math', args: { expression: '2^10 + 1' } }),
    ]);
    const results = reply.filter((message) => message.type === 'chat.tool-result');
    expect(results.map((message) => [message.toolCallId, message.status])).toEqual(expect.arrayContaining([['call_time', 'completed'], ['call_math', 'completed']]));
    expect(JSON.stringify(results.find((message) => message.toolCallId === 'call_math')?.result)).toContain('1025');
    // Cards come before their results, and the answer after all results.
    const lastResult = Math.max(...results.map((message) => message.seq));
    expect(Math.min(...calls.map((message) => message.seq))).toBeLessThan(Math.min(...results.map((message) => message.seq)));
    expect(textOf(reply)).toMatch(/^Let me check\.Both done: /);
    expect(reply.filter((message) => message.type === 'chat.text-delta' && message.seq > lastResult).length).toBeGreaterThan(0);
    expect(reply.at(-1)).toMatchObject({ type: 'chat.finish', finishReason: 'stop' });

    // What the model got: the tools as JSON Schema first; then its own calls and one result per call.
    const [first, second] = streamedRequestsAbout('What time is it in Tokyo');
    const offered = first?.tools?.map((tool) => tool.function.name) ?? [];
    expect(offered).toEqual(expect.arrayContaining(['get_current_time', 'calculate_math', 'ask_user']));
    expect(first?.tools?.find((tool) => tool.function.name === 'calculate_math')?.function.parameters).toMatchObject({ type: 'object', properties: { expression: { type: 'string' } } });
    const assistant = second?.messages.find((message) => message.role === 'assistant');
    expect(assistant?.tool_calls?.map((call) => call.id)).toEqual(['call_time', 'call_math']);
    expect(toolMessages(second).map((message) => message.tool_call_id)).toEqual(['call_time', 'call_math']);
    expect(String(toolMessages(second)[1]?.content)).toContain('1025');
    await client.close();
  });

  it('answers a call with bad arguments with the validation message, so the model can correct itself', { timeout: 90_000 }, async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => toolMessages(body).length === 0
        ? { kind: 'reply', toolCalls: [{ id: 'call_bad', name: 'calculate_math', arguments: { formula: 'oops' } }] }
        : { kind: 'reply', text: 'Sorry, I will fix the arguments.' },
    });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('Compute something with wrong arguments');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    const result = replyOf(client.received, request.conversationId).find((message) => message.type === 'chat.tool-result');
    expect(result).toMatchObject({ status: 'failed', result: { error: expect.stringMatching(/^Invalid arguments for calculate_math: expression: /) } });
    const [, second] = streamedRequestsAbout('Compute something with wrong arguments');
    expect(String(toolMessages(second)[0]?.content)).toContain('Invalid arguments for calculate_math');
    await client.close();
  });

  it('shows an ask_user form, takes the answer from the same user and conversation only, and continues', { timeout: 90_000 }, async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => toolMessages(body).length === 0
        ? { kind: 'reply', toolCalls: [{ id: 'call_ask', name: 'ask_user', arguments: { title: 'Your trip', questions: [{ id: 'city', type: 'select', label: 'Which city?', options: ['Lisbon', 'Porto'] }] } }] }
        : { kind: 'reply', text: `You chose ${JSON.stringify(toolMessages(body)[0]?.content)}` },
    });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('Plan my trip');
    client.send(request);
    const form = await client.waitFor((message) => message.type === 'prompt.request' && message.conversationId === request.conversationId);
    if (form.type !== 'prompt.request') throw new Error('not a form');
    expect(form).toMatchObject({ title: 'Your trip', allowSkip: true, questions: [{ id: 'city', type: 'select', options: ['Lisbon', 'Porto'] }] });
    expect(Date.parse(form.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);

    // An answer for another conversation is refused and does not unblock the form.
    client.send({ type: 'prompt.answer', conversationId: 'someone-else', promptId: form.promptId, answers: { city: 'Rome' } });
    await client.waitFor((message) => message.type === 'chat.error' && message.conversationId === 'someone-else');
    client.send({ type: 'prompt.answer', conversationId: request.conversationId, promptId: form.promptId, answers: { city: 'Porto' } });
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    const reply = replyOf(client.received, request.conversationId);
    expect(reply.find((message) => message.type === 'chat.tool-result')).toMatchObject({
      status: 'completed', result: { status: 'answered', answers: { city: { question: 'Which city?', answer: 'Porto' } } },
    });
    expect(textOf(reply)).toContain('Porto');
    expect(textOf(reply)).not.toContain('Rome');
    await client.close();
  });

  it('sends no tools when the chat turned them off', { timeout: 90_000 }, async () => {
    harness.double.setScenario({ kind: 'reply', text: 'No tools here.' });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('Answer without tools please', { disableTools: true });
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    const [body] = streamedRequestsAbout('Answer without tools please');
    expect(body?.tools).toBeUndefined();
    await client.close();
  });

  it('stops offering tools after the step limit, so a model that keeps calling them must answer', { timeout: 90_000 }, async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => ((body as OpenAiBody).tools?.length ?? 0) > 0
        ? { kind: 'reply', toolCalls: [{ id: `call_loop_${toolMessages(body).length}`, name: 'calculate_math', arguments: { expression: '1+1' } }] }
        : { kind: 'reply', text: 'Final answer without tools.' },
    });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('Loop forever on tools');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    const reply = replyOf(client.received, request.conversationId);
    expect(reply.filter((message) => message.type === 'chat.tool-call')).toHaveLength(3);
    expect(textOf(reply)).toBe('Final answer without tools.');
    const bodies = streamedRequestsAbout('Loop forever on tools');
    expect(bodies.map((body) => body.tools?.length ?? 0).map((count) => count > 0)).toEqual([true, true, true, false]);
    await client.close();
  });

  it('retries without tools when the model refuses them, and remembers that for the next request', { timeout: 90_000 }, async () => {
    harness.double.setScenario({ kind: 'tools-unsupported', then: { kind: 'reply', text: 'Plain answer.' } });
    const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
    const request = send('A model without tool support');
    client.send(request);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, toolRunMs);
    expect(textOf(replyOf(client.received, request.conversationId))).toBe('Plain answer.');
    const bodies = streamedRequestsAbout('A model without tool support');
    expect(bodies.map((body) => (body.tools?.length ?? 0) > 0)).toEqual([true, false]);

    const next = send('Second message to the same model');
    client.send(next);
    await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === next.conversationId, toolRunMs);
    expect(streamedRequestsAbout('Second message to the same model').map((body) => body.tools)).toEqual([undefined]);
    await client.close();
  });
});
