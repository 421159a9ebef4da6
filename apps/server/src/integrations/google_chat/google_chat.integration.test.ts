import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { googleChatIntegration } from './google_chat.integration.js';

const webhook = 'https://chat.googleapis.com/v1/spaces/AAAA123/messages?key=k-1&token=t-2';
let chatDouble: ScriptedDouble;

beforeAll(async () => {
  chatDouble = await startScriptedDouble();
});
afterAll(() => chatDouble.close());
beforeEach(() => chatDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://chat.googleapis.com'], origin: chatDouble.origin }));

describe('google chat credential test', () => {
  it('takes the 400 for an empty message as an accepted key and token', async () => {
    chatDouble.answer({ status: 400, json: { error: { code: 400, message: 'Message cannot be empty.', status: 'INVALID_ARGUMENT' } } });
    const result = await googleChatIntegration.test!({ webhook_url: webhook }, context());
    expect(result.message).toMatch(/Connected to the Google Chat webhook/);
    expect(chatDouble.requests[0]).toMatchObject({ method: 'POST', path: '/v1/spaces/AAAA123/messages', query: { key: 'k-1', token: 't-2' }, body: {} });
  });

  it('fails clearly for a wrong token', async () => {
    chatDouble.answer({ status: 403, json: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } } });
    await expect(googleChatIntegration.test!({ webhook_url: webhook }, context())).rejects.toThrow(/Google Chat refused the credential \(403\)/);
  });
});
