import {
  apiErrorSchema, appendBuilderMessageResponseSchema, builderConversationResponseSchema, builderConversationsResponseSchema, type SessionResponse,
} from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow } from '../agents-test-support.js';

let app: TestApp;
let owner: SessionResponse;
let other: SessionResponse;
beforeAll(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
  await setRegistrationMode(app, owner.accessToken, 'open');
  other = (await registerUser(app)).json<SessionResponse>();
});
afterAll(() => app.close());

const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  app.http.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

const rawRow = (id: string) => app.database.db.selectFrom('agent_builder_conversations').selectAll().where('id', '=', id).executeTakeFirst();

describe('builder conversations', () => {
  it('creates, lists, appends, reads and deletes; messages are sealed at rest', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Chatty');
    const base = `/api/agents/${agentId}/conversations`;

    const current = builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `${base}/current`)).json()).conversation;
    expect(current).toMatchObject({ agentId, messages: [] });
    // get-or-create: asking again answers the same conversation.
    expect(builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `${base}/current`)).json()).conversation.id).toBe(current.id);

    const secret = 'Build me an agent that watches invoice-7731-zebra';
    const appended = await call(owner.accessToken, 'POST', `${base}/${current.id}/messages`, { role: 'user', content: secret });
    expect(appended.statusCode).toBe(201);
    expect(appendBuilderMessageResponseSchema.parse(appended.json()).message).toMatchObject({ role: 'user', content: secret });
    const snapshot = { version: 2, action: 'create', explanation: 'Watches zebra invoices.' } as const;
    await call(owner.accessToken, 'POST', `${base}/${current.id}/messages`, { role: 'assistant', content: 'Done: zebra watcher.', workflowSnapshot: snapshot });

    const read = builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `${base}/${current.id}`)).json()).conversation;
    expect(read.messages.map((message) => [message.role, message.content, message.workflowSnapshot])).toEqual([
      ['user', secret, undefined], ['assistant', 'Done: zebra watcher.', snapshot],
    ]);

    // At rest: one sealed envelope, none of the content in clear.
    const row = await rawRow(current.id);
    expect(row?.sealed_messages).toMatch(/^v1:/);
    expect(row?.sealed_messages).not.toContain('zebra');
    expect(JSON.stringify(row)).not.toContain('invoice-7731');
    expect(row?.message_count).toBe(2);

    const second = await call(owner.accessToken, 'POST', base);
    expect(second.statusCode).toBe(201);
    const secondId = builderConversationResponseSchema.parse(second.json()).conversation.id;
    const list = builderConversationsResponseSchema.parse((await call(owner.accessToken, 'GET', base)).json()).conversations;
    expect(list.map((summary) => [summary.id, summary.messageCount]).sort()).toEqual([[current.id, 2], [secondId, 0]].sort());

    expect((await call(owner.accessToken, 'DELETE', `${base}/${secondId}`)).statusCode).toBe(204);
    expect((await call(owner.accessToken, 'GET', `${base}/${secondId}`)).statusCode).toBe(404);
    expect((await call(owner.accessToken, 'DELETE', `${base}/${secondId}`)).statusCode).toBe(404);
  });

  it('keeps the last 200 messages', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Long talk');
    const id = builderConversationResponseSchema.parse((await call(owner.accessToken, 'POST', `/api/agents/${agentId}/conversations`)).json()).conversation.id;
    for (let index = 1; index <= 203; index += 1) {
      const response = await call(owner.accessToken, 'POST', `/api/agents/${agentId}/conversations/${id}/messages`, { role: index % 2 === 1 ? 'user' : 'assistant', content: `message ${index}` });
      expect(response.statusCode).toBe(201);
    }
    const { messages } = builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/conversations/${id}`)).json()).conversation;
    expect(messages).toHaveLength(200);
    expect(messages[0]?.content).toBe('message 4');
    expect(messages.at(-1)?.content).toBe('message 203');
  });

  it('hides another user’s agent and conversations (404) and refuses bad bodies (400)', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Private');
    const base = `/api/agents/${agentId}/conversations`;
    const id = builderConversationResponseSchema.parse((await call(owner.accessToken, 'POST', base)).json()).conversation.id;
    for (const [method, url, payload] of [
      ['GET', base], ['POST', base], ['GET', `${base}/current`], ['GET', `${base}/${id}`], ['DELETE', `${base}/${id}`],
      ['POST', `${base}/${id}/messages`, { role: 'user', content: 'hi' }],
    ] as const) {
      const response = await call(other.accessToken, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('not_found');
    }
    // The other user's own agent does not open the owner's conversation either.
    const theirs = await createAgentWithWorkflow(app, other.accessToken, addOneWorkflow, 'Theirs');
    expect((await call(other.accessToken, 'GET', `/api/agents/${theirs}/conversations/${id}`)).statusCode).toBe(404);

    for (const payload of [{}, { role: 'system', content: 'x' }, { role: 'user', content: '' }, { role: 'user', content: 'x'.repeat(50_001) }, { role: 'assistant', content: 'x', workflowSnapshot: { version: 1, action: 'delete', explanation: '' } }, { role: 'user', content: 'x', extra: 1 }]) {
      const response = await call(owner.accessToken, 'POST', `${base}/${id}/messages`, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('validation_failed');
    }
    expect(builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `${base}/${id}`)).json()).conversation.messages).toEqual([]);
  });

  it('are deleted with their agent', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Doomed');
    const id = builderConversationResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/conversations/current`)).json()).conversation.id;
    expect(await rawRow(id)).toBeDefined();
    expect((await call(owner.accessToken, 'DELETE', `/api/agents/${agentId}`)).statusCode).toBe(204);
    expect(await rawRow(id)).toBeUndefined();
  });
});
