import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendTelegramMessageTool } from './send-telegram-message.tool.js';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const sent = { ok: true, result: { message_id: 42, date: 1_700_000_000, chat: { id: -100123, type: 'supergroup', title: 'Team' }, text: 'hi' } };
let telegramDouble: ScriptedDouble;

beforeAll(async () => {
  telegramDouble = await startScriptedDouble();
});
afterAll(() => telegramDouble.close());
beforeEach(() => telegramDouble.reset());

function contextWith(values: Record<string, string> = { bot_token: token, chat_id: '-100123' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.telegram.org'], origin: telegramDouble.origin, credentials: { telegram: values } });
}

describe('send_telegram_message', () => {
  it('calls sendMessage with the token in the path and the credential\'s chat', async () => {
    telegramDouble.answer({ json: sent });
    const output = await runTool(sendTelegramMessageTool, { text: '<b>hi</b>', parse_mode: 'HTML', disable_notification: true }, contextWith());
    expect(output.result).toEqual({ sent: true, messageId: 42, chatId: -100123, chat: 'Team', sentAt: '2023-11-14T22:13:20.000Z' });
    const [request] = telegramDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/bot${token}/sendMessage` });
    expect(request!.body).toEqual({ chat_id: '-100123', text: '<b>hi</b>', parse_mode: 'HTML', disable_notification: true });
  });

  it('sends to another chat when chat_id is given', async () => {
    telegramDouble.answer({ json: sent });
    await runTool(sendTelegramMessageTool, { text: 'hi', chat_id: '@news', disable_web_page_preview: true }, contextWith());
    expect(telegramDouble.requests[0]!.body).toEqual({ chat_id: '@news', text: 'hi', link_preview_options: { is_disabled: true } });
  });

  it('says Telegram refused the credential on 401 Unauthorized', async () => {
    telegramDouble.answer({ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } });
    await expect(runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/Telegram refused the credential \(401\): Unauthorized/);
  });

  it('passes on Telegram\'s reason for a bad chat', async () => {
    telegramDouble.answer({ status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });
    await expect(runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/chat not found/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    telegramDouble.answer(
      { status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } },
      { json: sent },
    );
    await runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith());
    expect(telegramDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page in place of the Bot API', async () => {
    telegramDouble.answer(htmlAnswer);
    await expect(runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/HTML page/);
  });

  it('names a missing chat id and refuses a token that could change the URL, sending nothing', async () => {
    await expect(runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith({ bot_token: token }))).rejects.toThrow(/"chat_id"/);
    await expect(runTool(sendTelegramMessageTool, { text: 'hi' }, contextWith({ bot_token: '1/../../x', chat_id: '1' }))).rejects.toThrow(/bot token is not valid/);
    expect(telegramDouble.requests).toHaveLength(0);
  });
});
