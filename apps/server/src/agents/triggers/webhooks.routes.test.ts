import { createHmac } from 'node:crypto';
import { apiErrorSchema, createWebhookResponseSchema, type SessionResponse, triggerAcceptedSchema, webhookResponseSchema } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

let app: TestApp;
let owner: SessionResponse;
let agentId: string;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
  agentId = await createAgentWithWorkflow(app, owner.accessToken);
});
afterEach(() => app.close());

const createHook = async (signed: boolean) => {
  const response = await app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/webhook`, headers: bearer(owner.accessToken), payload: { signed } });
  expect(response.statusCode).toBe(201);
  return createWebhookResponseSchema.parse(response.json());
};
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  app.http.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', ...headers }, payload: body });

describe('inbound webhooks', () => {
  it('runs the agent with the JSON body as input (trigger webhook)', async () => {
    const { webhook, secret } = await createHook(false);
    expect(secret).toBeNull();
    expect(webhook.path).toBe(`/api/hooks/${webhook.hookId}`);
    const response = await post(webhook.path, '{"n": 7}');
    expect(response.statusCode).toBe(202);
    const { executionId } = triggerAcceptedSchema.parse(response.json());
    expect(await app.agents.runs.whenDone(executionId)).toMatchObject({ trigger: 'webhook', status: 'completed', input: { n: 7 }, output: { Result: 8 } });
    const notJson = await post(webhook.path, 'n=7');
    expect(notJson.statusCode).toBe(400);
    expect(apiErrorSchema.parse(notJson.json()).error.code).toBe('validation_failed');
    expect((await post(`/api/hooks/${'0'.repeat(48)}`, '{}')).statusCode).toBe(404);
  });

  it('checks the HMAC-SHA256 signature of the raw body when the hook is signed, and stores the secret sealed', async () => {
    const { webhook, secret } = await createHook(true);
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const stored = await app.database.db.selectFrom('agent_webhooks').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret ?? 'x');
    // Spacing the server would not reproduce: the signature covers the bytes as sent.
    const body = '{ "n" :  41 }';
    const sign = (text: string) => `sha256=${createHmac('sha256', secret ?? '').update(text).digest('hex')}`;

    const attempts: Array<Record<string, string>> = [{}, { 'x-claraverse-signature': sign('{"n":41}') }, { 'x-claraverse-signature': 'sha256=00' }];
    for (const headers of attempts) {
      const refused = await post(webhook.path, body, headers);
      expect(refused.statusCode).toBe(401);
      expect(apiErrorSchema.parse(refused.json()).error.code).toBe('unauthenticated');
    }
    expect(await app.database.db.selectFrom('executions').select('id').execute()).toEqual([]);
    const accepted = await post(webhook.path, body, { 'x-claraverse-signature': sign(body) });
    expect(accepted.statusCode).toBe(202);
    expect(await app.agents.runs.whenDone(triggerAcceptedSchema.parse(accepted.json()).executionId)).toMatchObject({ output: { Result: 42 } });
  });

  it('replaces and deletes a hook (the old path stops working) and hides it from other users', async () => {
    const first = await createHook(false);
    const second = await createHook(false);
    expect((await post(first.webhook.path, '{"n":1}')).statusCode).toBe(404);
    expect(webhookResponseSchema.parse((await app.http.inject({ url: `/api/agents/${agentId}/webhook`, headers: bearer(owner.accessToken) })).json()).webhook.hookId).toBe(second.webhook.hookId);
    await setRegistrationMode(app, owner.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    expect((await app.http.inject({ url: `/api/agents/${agentId}/webhook`, headers: bearer(other.accessToken) })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/webhook`, headers: bearer(other.accessToken), payload: {} })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'DELETE', url: `/api/agents/${agentId}/webhook`, headers: bearer(owner.accessToken) })).statusCode).toBe(204);
    expect((await post(second.webhook.path, '{"n":1}')).statusCode).toBe(404);
  });
});
