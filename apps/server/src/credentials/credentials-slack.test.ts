import { availableToolsResponseSchema, credentialResponseSchema, credentialTestResponseSchema, integrationsResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin } from '../test/factories.js';
import { startDoubleServer, type DoubleServer } from '../test/llm-doubles/double-server.js';

// The credentials domain with the real catalogue's Slack integration: the browser's path (add a webhook
// credential, test it, see the tool become available) against a double of Slack's incoming webhooks, which
// answer a live hook's empty payload with `400 no_text` and a revoked hook with `403 invalid_token`.
const liveHook = '/services/T0001/B0001/abcdefghijklmnopqrstuvwx';
let double: DoubleServer;
let app: TestApp;
let session: SessionResponse;
beforeAll(async () => {
  double = await startDoubleServer(async ({ response, recorded }) => {
    const isLive = recorded.method === 'POST' && recorded.path === liveHook;
    response.writeHead(isLive ? 400 : 403, { 'content-type': 'text/plain' });
    response.end(isLive ? 'no_text' : 'invalid_token');
  });
  app = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32', INTEGRATION_BASE_URLS: JSON.stringify({ 'https://hooks.slack.com': double.origin }) } });
  session = await registerAdmin(app);
});
afterAll(async () => {
  await app.close();
  await double.close();
});

const post = (url: string, payload?: object) => app.http.inject({ method: 'POST', url, headers: bearer(session.accessToken), ...(payload ? { payload } : {}) });
const addSlack = (webhookUrl: string) => post('/api/credentials', { name: 'Team Slack', integrationType: 'slack', data: { webhook_url: webhookUrl } });
const availableNames = async () =>
  availableToolsResponseSchema.parse((await app.http.inject({ url: '/api/tools/available', headers: bearer(session.accessToken) })).json())
    .categories.flatMap((category) => category.tools.map((tool) => tool.name));

describe('a Slack webhook credential', () => {
  it('is listed in the catalogue, refused when the URL is not a Slack webhook, and masked when stored', async () => {
    const { categories } = integrationsResponseSchema.parse((await app.http.inject({ url: '/api/integrations', headers: bearer(session.accessToken) })).json());
    const slack = categories.find((category) => category.id === 'communication')?.integrations.find((integration) => integration.id === 'slack');
    expect(slack).toMatchObject({ tools: ['send_slack_message'], testable: true, available: true, fields: [{ key: 'webhook_url', type: 'webhook_url', sensitive: true, required: true }] });

    const refused = await addSlack('https://evil.test/services/T/B/x');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'data.webhook_url' }] } });

    const created = await addSlack(`https://hooks.slack.com${liveHook}`);
    expect(created.statusCode).toBe(201);
    expect(credentialResponseSchema.parse(created.json()).credential.maskedPreview).toBe('https://hooks.slack.…qrstuvwx');
  });

  it('tests against Slack without posting a message, and offers send_slack_message once it exists', async () => {
    const credential = credentialResponseSchema.parse((await addSlack(`https://hooks.slack.com${liveHook}`)).json()).credential;
    double.requests.length = 0;
    const tested = credentialTestResponseSchema.parse((await post(`/api/credentials/${credential.id}/test`)).json());
    expect(tested).toMatchObject({ success: true, message: 'Connected to the Slack webhook (checked without posting a message).' });
    expect(double.requests).toMatchObject([{ method: 'POST', path: liveHook, body: {} }]);
    expect(await availableNames()).toContain('send_slack_message');

    const revoked = credentialResponseSchema.parse((await addSlack('https://hooks.slack.com/services/T0001/B0002/revokedrevokedrevoked00')).json()).credential;
    const failed = credentialTestResponseSchema.parse((await post(`/api/credentials/${revoked.id}/test`)).json());
    expect(failed.success).toBe(false);
    expect(failed.message).toBe('Slack refused the credential (403): invalid_token. Check it on the Credentials page.');
  });
});
