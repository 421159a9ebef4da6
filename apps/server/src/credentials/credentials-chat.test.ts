import type { ChatServerMessage } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChat, startChatHarness, type ChatHarness } from '../test/chat-harness.js';
import { bearer } from '../test/factories.js';
import type { DirectScenario } from '../test/llm-doubles/scenarios.js';
import { exampleChatValues, exampleIntegrations } from './credentials.test-support.js';

// The chat with the example integrations: the model (a local OpenAI-compatible double) is offered an
// integration's tools only once the user has a credential of it, and the tool gets that credential through the
// resolver the app wires into every tool context — its own integration's only.
interface OpenAiBody {
  stream?: boolean;
  tools?: Array<{ function: { name: string } }>;
  messages: Array<{ role: string; content?: unknown }>;
}
type Reply = Extract<ChatServerMessage, { seq: number }>;

let harness: ChatHarness;
beforeAll(async () => {
  harness = await startChatHarness({}, { overrides: { integrations: exampleIntegrations } });
  harness.double.setScenario({
    kind: 'dynamic',
    respond: (body): DirectScenario => {
      const request = body as OpenAiBody;
      const offered = request.tools?.map((tool) => tool.function.name) ?? [];
      const results = request.messages.filter((message) => message.role === 'tool');
      if (results.length === 0 && offered.includes('example_chat_post')) {
        return { kind: 'reply', toolCalls: [
          { id: 'call_post', name: 'example_chat_post', arguments: { text: 'hello' } },
          { id: 'call_peek', name: 'example_chat_peek', arguments: {} },
        ] };
      }
      return { kind: 'reply', text: results.length > 0 ? 'Posted.' : 'No chat tool here.' };
    },
  });
});
afterAll(() => harness.close());

async function ask(conversationId: string, content: string): Promise<Reply[]> {
  const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
  client.send({ type: 'chat.send', conversationId, messageId: `${conversationId}-1`, modelId: harness.modelId, messages: [{ role: 'user', content }] });
  await client.waitFor((message) => message.type === 'chat.finish' && (message as Reply).conversationId === conversationId, 30_000);
  await client.close();
  return client.received.filter((message): message is Reply => (message as Reply).conversationId === conversationId && typeof (message as Reply).seq === 'number');
}
const offeredFor = (marker: string) =>
  harness.double.requests
    .filter((request) => request.path === '/v1/chat/completions' && (request.body as OpenAiBody).stream === true && JSON.stringify(request.body).includes(marker))
    .map((request) => (request.body as OpenAiBody).tools?.map((tool) => tool.function.name) ?? []);

describe('integration tools in chat', () => {
  it('are offered once the user has a credential, get it for their own integration only, and count the use', { timeout: 60_000 }, async () => {
    await ask('creds-before', 'Post hello (before)');
    const [before] = offeredFor('Post hello (before)');
    expect(before).toEqual(expect.arrayContaining(['get_current_time']));
    expect(before).not.toContain('example_chat_post');

    const created = await harness.app.http.inject({
      method: 'POST', url: '/api/credentials', headers: bearer(harness.admin.accessToken),
      payload: { name: 'Chat', integrationType: 'example_chat', data: { ...exampleChatValues(), workspace: 'acme' } },
    });
    expect(created.statusCode).toBe(201);
    await harness.app.http.inject({
      method: 'POST', url: '/api/credentials', headers: bearer(harness.admin.accessToken),
      payload: { name: 'Notes', integrationType: 'example_notes', data: { token: 'notes-secret-0123456789abcdef' } },
    });

    const reply = await ask('creds-after', 'Post hello (after)');
    expect(offeredFor('Post hello (after)')[0]).toEqual(expect.arrayContaining(['example_chat_post', 'example_chat_peek']));
    const results = reply.filter((message) => message.type === 'chat.tool-result');
    expect(results.find((message) => message.toolCallId === 'call_post')).toMatchObject({ status: 'completed', result: { text: 'hello', workspace: 'acme' } });
    const peek = results.find((message) => message.toolCallId === 'call_peek');
    expect(peek?.status).toBe('failed');
    expect(JSON.stringify(peek)).toContain('example_chat_peek may only use example_chat credentials, not example_notes');
    expect(JSON.stringify(reply)).not.toContain('notes-secret');

    const { credential } = created.json<{ credential: { id: string } }>();
    const view = await harness.app.http.inject({ url: `/api/credentials/${credential.id}`, headers: bearer(harness.admin.accessToken) });
    expect(view.json()).toMatchObject({ credential: { usageCount: 1, lastUsedAt: expect.any(String) } });
  });
});
