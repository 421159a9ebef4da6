import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendWebhookTool } from './send-webhook.tool.js';

const credential = { url: 'https://hooks.example.com/catch/42', method: 'POST', auth_type: 'bearer', auth_value: 'wh-secret', headers: '{"X-Source": "clara"}' };
let hookDouble: ScriptedDouble;

beforeAll(async () => {
  hookDouble = await startScriptedDouble();
});
afterAll(() => hookDouble.close());
beforeEach(() => hookDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://hooks.example.com'], origin: hookDouble.origin, credentials: { custom_webhook: values } });
}

describe('send_webhook', () => {
  it('posts a JSON body to the credential\'s URL with its headers and bearer auth', async () => {
    hookDouble.answer({ json: { status: 'success', id: 'run-1' } });
    const output = await runTool(sendWebhookTool, { body: { event: 'report.ready', rows: 3 }, headers: { 'X-Trace': 't-1' } }, contextWith());
    const [request] = hookDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/catch/42', body: { event: 'report.ready', rows: 3 } });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer wh-secret', 'x-source': 'clara', 'x-trace': 't-1', 'content-type': 'application/json' });
    expect(output.result).toEqual({ status: 200, ok: true, method: 'POST', url: 'https://hooks.example.com/catch/42', response: { status: 'success', id: 'run-1' } });
  });

  it('sends form fields with basic auth, and "Name: value" header auth', async () => {
    hookDouble.answer({ text: 'ok' }, { text: 'ok' });
    await runTool(sendWebhookTool, { body: { name: 'Ada', n: 2 }, content_type: 'form', method: 'PUT' }, contextWith({ url: credential.url, method: 'POST', auth_type: 'basic', auth_value: 'user:pa:ss' }));
    expect(hookDouble.requests[0]).toMatchObject({ method: 'PUT' });
    expect(hookDouble.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('user:pa:ss').toString('base64')}`);
    expect(hookDouble.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(hookDouble.requests[0]!.rawBody.toString('utf8')).toBe('name=Ada&n=2');
    await runTool(sendWebhookTool, { method: 'GET', url: 'https://hooks.example.com/other?x=1' }, contextWith({ url: credential.url, method: 'POST', auth_type: 'header', auth_value: 'X-Api-Key: k-9' }));
    expect(hookDouble.requests[1]).toMatchObject({ method: 'GET', path: '/other', query: { x: '1' } });
    expect(hookDouble.requests[1]!.headers['x-api-key']).toBe('k-9');
  });

  it('says the webhook refused the credential on 401', async () => {
    hookDouble.answer({ status: 401, json: { message: 'bad token' } });
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith())).rejects.toThrow(/The webhook refused the credential \(401\): bad token/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    hookDouble.answer({ status: 429, headers: { 'retry-after': '1' }, text: 'slow' }, { text: 'accepted' });
    const output = await runTool(sendWebhookTool, { body: 'plain', content_type: 'text' }, contextWith());
    expect(hookDouble.requests).toHaveLength(2);
    expect(hookDouble.requests[1]!.rawBody.toString('utf8')).toBe('plain');
    expect(output.result).toMatchObject({ status: 200, response: 'accepted' });
  });

  it('refuses an HTML page in place of the webhook\'s answer', async () => {
    hookDouble.answer(htmlAnswer);
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith())).rejects.toThrow(/HTML page/);
  });

  it('keeps the credential\'s auth on its own host and refuses private addresses', async () => {
    await expect(runTool(sendWebhookTool, { url: 'https://elsewhere.example/x', body: {} }, contextWith())).rejects.toThrow(/must stay on the webhook's host/);
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith({ ...credential, url: 'http://10.1.2.3/hook' }))).rejects.toMatchObject({ code: 'outbound_blocked' });
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith({ url: credential.url, auth_type: 'bearer' }))).rejects.toThrow(/needs an auth_value/);
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith({ url: credential.url, headers: '[1]' }))).rejects.toThrow(/JSON object/);
    await expect(runTool(sendWebhookTool, { body: {} }, contextWith({ method: 'POST' }))).rejects.toThrow(/"url"/);
    expect(hookDouble.requests).toHaveLength(0);
  });
});
