import { apiErrorSchema, openAiChatCompletionSchema, openAiModelListSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createAgentWithWorkflow, createApiKey } from '../agents-test-support.js';

/** `variable(start, text) → output "Reply"`: echoes its text input. */
const echoWorkflow = {
  blocks: [
    { id: 'b1', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: { x: 0, y: 0 } },
    { id: 'b2', normalizedId: 'reply', type: 'output', name: 'Reply', config: { value: 'Echo: {{start.value}}' }, position: { x: 0, y: 150 } },
  ],
  connections: [{ id: 'c1', sourceBlockId: 'b1', targetBlockId: 'b2' }],
  variables: [],
};

let app: TestApp;
let owner: SessionResponse;
let apiKey: string;
let adderId: string;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
  adderId = await createAgentWithWorkflow(app, owner.accessToken);
  apiKey = (await createApiKey(app, owner.accessToken, ['chat'])).apiKey;
});
afterEach(() => app.close());

const complete = (key: string, payload: object) =>
  app.http.inject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: `Bearer ${key}` }, payload });

describe('agent:<id> as a model of /v1', () => {
  it('lists the user’s agents as agent:<id> models', async () => {
    const response = await app.http.inject({ url: '/v1/models', headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.statusCode).toBe(200);
    const models = openAiModelListSchema.parse(response.json()).data;
    expect(models.filter((model) => model.id.startsWith('agent:'))).toEqual([expect.objectContaining({ id: `agent:${adderId}`, owned_by: 'agent' })]);
  });

  it('runs the agent with the last user message and answers one choice with the output as JSON text', async () => {
    const response = await complete(apiKey, { model: `agent:${adderId}`, messages: [{ role: 'user', content: '{"n":1}' }, { role: 'assistant', content: 'x' }, { role: 'user', content: [{ type: 'text', text: '{"n":41}' }] }] });
    expect(response.statusCode).toBe(200);
    const completion = openAiChatCompletionSchema.parse(response.json());
    expect(completion.model).toBe(`agent:${adderId}`);
    expect(completion.choices).toHaveLength(1);
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ Result: 42 });
    const stored = await app.database.db.selectFrom('executions').select(['trigger', 'input']).where('agent_id', '=', adderId).execute();
    // The last user message's text is the run's input (the start block parses it as JSON).
    expect(stored.map((row) => ({ trigger: row.trigger, input: JSON.parse(row.input ?? 'null') as unknown }))).toEqual([{ trigger: 'api', input: '{"n":41}' }]);
  });

  it('streams one content chunk then [DONE]; a text output is sent as is', async () => {
    const echoId = await createAgentWithWorkflow(app, owner.accessToken, echoWorkflow, 'Echo');
    const response = await complete(apiKey, { model: `agent:${echoId}`, stream: true, messages: [{ role: 'user', content: 'hello' }] });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = response.body.split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as { object: string; choices: Array<{ delta: { content?: string }; finish_reason: string | null }> });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.object).toBe('chat.completion.chunk');
    expect(chunks[0]?.choices[0]).toMatchObject({ delta: { content: JSON.stringify({ Reply: 'Echo: hello' }) }, finish_reason: 'stop' });
  });

  it('refuses another user’s agent (404), input the start block refuses (400) and an unknown agent', async () => {
    await setRegistrationMode(app, owner.accessToken, 'open');
    const stranger = (await registerUser(app)).json<SessionResponse>();
    const strangerKey = (await createApiKey(app, stranger.accessToken, ['chat'])).apiKey;
    const foreign = await complete(strangerKey, { model: `agent:${adderId}`, messages: [{ role: 'user', content: '{"n":1}' }] });
    expect(foreign.statusCode).toBe(404);
    expect(apiErrorSchema.parse(foreign.json()).error.code).toBe('not_found');
    const strangerModels = openAiModelListSchema.parse((await app.http.inject({ url: '/v1/models', headers: { authorization: `Bearer ${strangerKey}` } })).json()).data;
    expect(strangerModels.map((model) => model.id)).not.toContain(`agent:${adderId}`);

    const badInput = await complete(apiKey, { model: `agent:${adderId}`, messages: [{ role: 'user', content: 'not json' }] });
    expect(badInput.statusCode).toBe(400);
    expect(apiErrorSchema.parse(badInput.json()).error.code).toBe('validation_failed');
    expect((await complete(apiKey, { model: 'agent:nope', messages: [{ role: 'user', content: '{}' }] })).statusCode).toBe(404);
  });

  it('answers 502 naming the agent’s error when its run does not complete', async () => {
    const failing = {
      ...echoWorkflow,
      blocks: [echoWorkflow.blocks[0], { id: 'b2', normalizedId: 'boom', type: 'transform', name: 'Boom', config: { expression: '$error("boom")' }, position: { x: 0, y: 150 } }],
    };
    const failingId = await createAgentWithWorkflow(app, owner.accessToken, failing, 'Failing');
    const response = await complete(apiKey, { model: `agent:${failingId}`, messages: [{ role: 'user', content: 'hi' }] });
    expect(response.statusCode, response.body).toBe(502);
    const error = apiErrorSchema.parse(response.json()).error;
    expect(error).toMatchObject({ code: 'upstream_error', message: expect.stringContaining('boom'), details: { status: 'partial', error: { code: 'EXPRESSION_FAILED' } } });
  });
});
