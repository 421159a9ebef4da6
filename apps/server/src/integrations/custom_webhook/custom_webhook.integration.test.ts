import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { customWebhookIntegration } from './custom_webhook.integration.js';

const credential = { url: 'https://hooks.example.com/catch/42', method: 'POST', auth_type: 'bearer', auth_value: 'wh-secret' };
let hookDouble: ScriptedDouble;

beforeAll(async () => {
  hookDouble = await startScriptedDouble();
});
afterAll(() => hookDouble.close());
beforeEach(() => hookDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://hooks.example.com'], origin: hookDouble.origin }));

describe('custom webhook credential test', () => {
  it('sends HEAD with the auth header and takes a 405 as reachable', async () => {
    hookDouble.answer({ status: 405, text: '' });
    const result = await customWebhookIntegration.test!(credential, context());
    expect(result.message).toMatch(/Reached hooks.example.com \(HEAD answered 405/);
    expect(hookDouble.requests[0]).toMatchObject({ method: 'HEAD', path: '/catch/42' });
    expect(hookDouble.requests[0]!.headers.authorization).toBe('Bearer wh-secret');
  });

  it('fails when the endpoint refuses the credential', async () => {
    hookDouble.answer({ status: 403, text: '' });
    await expect(customWebhookIntegration.test!(credential, context())).rejects.toThrow(/refused the credential \(403\)/);
  });

  it('validates the URL and headers fields', () => {
    const field = (key: string) => customWebhookIntegration.fields.find((candidate) => candidate.key === key)!;
    expect(field('url').validate!('https://hooks.example.com/x')).toBeNull();
    expect(field('url').validate!('ftp://x')).toMatch(/http or https/);
    expect(field('headers').validate!('{"Host": "x"}')).toMatch(/cannot be set/);
    expect(field('headers').validate!('{"X-A": "1"}')).toBeNull();
  });
});
