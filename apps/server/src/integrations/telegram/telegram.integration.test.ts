import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { telegramIntegration } from './telegram.integration.js';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
let telegramDouble: ScriptedDouble;

beforeAll(async () => {
  telegramDouble = await startScriptedDouble();
});
afterAll(() => telegramDouble.close());
beforeEach(() => telegramDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.telegram.org'], origin: telegramDouble.origin }));

describe('telegram credential test', () => {
  it('calls getMe and names the bot', async () => {
    telegramDouble.answer({ json: { ok: true, result: { id: 123456789, is_bot: true, first_name: 'Clara', username: 'clara_bot' } } });
    const result = await telegramIntegration.test!({ bot_token: token, chat_id: '1' }, context());
    expect(result.message).toBe('Connected to Telegram as bot @clara_bot (Clara).');
    expect(telegramDouble.requests[0]).toMatchObject({ method: 'GET', path: `/bot${token}/getMe` });
  });

  it('fails clearly for a revoked token', async () => {
    telegramDouble.answer({ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } });
    await expect(telegramIntegration.test!({ bot_token: token, chat_id: '1' }, context())).rejects.toThrow(/Telegram refused the credential/);
  });

  it('validates the token field', () => {
    const field = telegramIntegration.fields.find((candidate) => candidate.key === 'bot_token')!;
    expect(field.validate!(token)).toBeNull();
    expect(field.validate!('123:abc/../x')).toMatch(/BotFather/);
  });
});
