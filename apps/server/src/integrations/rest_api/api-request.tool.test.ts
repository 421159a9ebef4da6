import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { apiRequestTool } from './api-request.tool.js';

const credential = { base_url: 'https://api.example.com/v1', auth_type: 'header', auth_value: 'key-7', auth_header_name: 'X-Api-Key', headers: '{"Accept-Language": "en"}' };
let apiDouble: ScriptedDouble;

beforeAll(async () => {
  apiDouble = await startScriptedDouble();
});
afterAll(() => apiDouble.close());
beforeEach(() => apiDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://api.example.com'], origin: apiDouble.origin, credentials: { rest_api: values } });
}

describe('api_request', () => {
  it('GETs an endpoint under the base URL with query params, the auth header and default headers', async () => {
    apiDouble.answer({ json: { id: 42, name: 'Ada' } });
    const output = await runTool(apiRequestTool, { endpoint: '/users/42', query_params: { expand: 'teams', limit: 5 } }, contextWith());
    const [request] = apiDouble.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v1/users/42', query: { expand: 'teams', limit: '5' } });
    expect(request!.headers).toMatchObject({ 'x-api-key': 'key-7', 'accept-language': 'en' });
    expect(output.result).toEqual({ status: 200, method: 'GET', url: 'https://api.example.com/v1/users/42', data: { id: 42, name: 'Ada' } });
  });

  it('POSTs a JSON body with bearer auth and cuts a long answer', async () => {
    apiDouble.answer({ status: 201, json: { items: 'x'.repeat(12_000) } });
    const output = await runTool(apiRequestTool, { method: 'POST', endpoint: 'orders', body: { sku: 'A1', qty: 2 }, headers: { 'Idempotency-Key': 'k1' } }, contextWith({ base_url: 'https://api.example.com/v1/', auth_type: 'bearer', auth_value: 'tok' }));
    const [request] = apiDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/orders', body: { sku: 'A1', qty: 2 } });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json', 'idempotency-key': 'k1' });
    expect(output.result).toMatchObject({ status: 201, truncated: true });
    expect((output.result as { data: string }).data).toHaveLength(10_000);
  });

  it('says the API refused the credential on 401', async () => {
    apiDouble.answer({ status: 401, json: { error: 'invalid api key' } });
    await expect(runTool(apiRequestTool, { endpoint: '/me' }, contextWith())).rejects.toThrow(/api.example.com refused the credential \(401\): invalid api key/);
  });

  it('waits out a 429 with Retry-After and calls again once', async () => {
    apiDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { error: 'slow down' } }, { json: [] });
    await runTool(apiRequestTool, { endpoint: '/me' }, contextWith());
    expect(apiDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page in place of the API\'s answer', async () => {
    apiDouble.answer(htmlAnswer);
    await expect(runTool(apiRequestTool, { endpoint: '/me' }, contextWith())).rejects.toThrow(/HTML page/);
  });

  it('keeps endpoints under the base URL: no absolute URLs, no .. escapes, encoded or not', async () => {
    for (const endpoint of ['https://evil.example/x', '//evil.example/x', '/../admin', '/users/%2e%2e/%2E%2E/admin', 'a/./b', '\\\\evil.example\\x']) {
      await expect(runTool(apiRequestTool, { endpoint }, contextWith()), endpoint).rejects.toMatchObject({ code: 'validation_failed' });
    }
    await expect(runTool(apiRequestTool, { endpoint: '/x' }, contextWith({ auth_type: 'none' }))).rejects.toThrow(/"base_url"/);
    await expect(runTool(apiRequestTool, { endpoint: '/x' }, contextWith({ base_url: 'http://192.168.1.10/api' }))).rejects.toMatchObject({ code: 'outbound_blocked' });
    expect(apiDouble.requests).toHaveLength(0);
  });
});
