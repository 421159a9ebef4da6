import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { sendTelegramMessageTool } from './send-telegram-message.tool.js';
import { callBotApi, telegram, validateBotToken } from './telegram-api.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Telegram through a bot (Bot API). The credential test is `getMe`, which reads the bot and sends nothing. */
export const telegramIntegration = defineIntegration({
  id: telegram.id,
  name: telegram.name,
  description: 'Send messages to a Telegram chat, group or channel with your bot.',
  icon: 'Send',
  category: 'communication',
  docsUrl: 'https://core.telegram.org/bots/api#sendmessage',
  fields: [
    {
      key: 'bot_token',
      label: 'Bot Token',
      type: 'token',
      required: true,
      placeholder: '123456789:AA…',
      helpText: 'Create a bot with @BotFather and copy its token.',
      sensitive: true,
      validate: validateBotToken,
    },
    {
      key: 'chat_id',
      label: 'Chat ID',
      type: 'text',
      required: true,
      placeholder: '-1001234567890 or @mychannel',
      helpText: 'The chat the bot writes to by default; add the bot to the group or channel first.',
      sensitive: false,
    },
  ],
  tools: [sendTelegramMessageTool],
  async test(values, context) {
    const token = requireValues(values, telegram, ['bot_token', 'chat_id']).bot_token!;
    const problem = validateBotToken(token);
    if (problem) throw new AppError('validation_failed', problem);
    const bot = await callBotApi<{ id: number; first_name: string; username?: string }>(context, token, 'getMe');
    return { message: `Connected to Telegram as bot @${bot.username ?? bot.id} (${bot.first_name}).`, details: { botId: bot.id } };
  },
});
