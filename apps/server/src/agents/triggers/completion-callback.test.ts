import { createHmac } from 'node:crypto';
import { createWebhookResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { startDoubleServer, type DoubleServer, type RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

let app: TestApp;
let receiver: DoubleServer;
let owner: SessionResponse;
let received: Array<(request: RecordedRequest) => void> = [];
beforeEach(async () => {
  // The customer's endpoint: records the callback and answers 204.
  receiver = await startDoubleServer(async ({ response, recorded }) => {
    response.writeHead(204).end();
    for (const notify of received.splice(0)) notify(recorded);
  });
  app = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32' } });
  owner = await registerAdmin(app);
});
afterEach(async () => {
  await app.close();
  await receiver.close();
});

const nextCallback = () => new Promise<RecordedRequest>((resolve) => received.push(resolve));

describe('completion callback', () => {
  it('POSTs the finished run to the agent’s callbackUrl, signed with its webhook secret', async () => {
    received = [];
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    await app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}`, headers: bearer(owner.accessToken), payload: { settings: { callbackUrl: `${receiver.origin}/done?source=claraverse` } } });
    const { secret } = createWebhookResponseSchema.parse((await app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/webhook`, headers: bearer(owner.accessToken), payload: { signed: true } })).json());

    const arrived = nextCallback();
    const run = await (await app.agents.runs.start(owner.user.id, agentId, { n: 4 }, { trigger: 'manual' })).done;
    const callback = await arrived;
    expect(callback.method).toBe('POST');
    expect(callback.path).toBe('/done');
    expect(callback.query).toEqual({ source: 'claraverse' });
    expect(callback.body).toEqual({ executionId: run.id, agentId, status: 'completed', output: { Result: 5 }, error: null, durationMs: run.durationMs });
    // Signed over "<timestamp>.<body>" with the timestamp header (app clock, Unix seconds): a replay is detectable.
    const timestamp = String(callback.headers['x-claraverse-timestamp']);
    expect(timestamp).toMatch(/^\d{10}$/);
    const signature = `sha256=${createHmac('sha256', secret ?? '').update(`${timestamp}.${callback.rawBody.toString('utf8')}`).digest('hex')}`;
    expect(callback.headers['x-claraverse-signature']).toBe(signature);
  });

  it('sends nothing for agents without a callbackUrl', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    await (await app.agents.runs.start(owner.user.id, agentId, { n: 1 }, { trigger: 'manual' })).done;
    // A second agent with a callback: its request is the only one the receiver gets.
    const withCallback = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Notifying');
    await app.http.inject({ method: 'PUT', url: `/api/agents/${withCallback}`, headers: bearer(owner.accessToken), payload: { settings: { callbackUrl: `${receiver.origin}/hook` } } });
    const arrived = nextCallback();
    await (await app.agents.runs.start(owner.user.id, withCallback, { n: 1 }, { trigger: 'manual' })).done;
    const unsigned = await arrived;
    expect(unsigned.headers['x-claraverse-signature']).toBeUndefined();
    expect(unsigned.headers['x-claraverse-timestamp']).toBeUndefined();
    expect(receiver.requests.map((request) => request.path)).toEqual(['/hook']);
  });
});
