import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { callBotApi, telegram, telegramCredential } from './telegram-api.js';

interface SentMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string; title?: string; username?: string };
}

/** Sends a text message with the user's bot (`POST /bot<token>/sendMessage`). */
export const sendTelegramMessageTool = defineTool({
  name: 'send_telegram_message',
  displayName: 'Send Telegram Message',
  description:
    'Sends a text message with the user\'s Telegram bot to their configured chat (or another chat_id the bot can ' +
    'write to). Use it to notify someone on Telegram. parse_mode HTML or MarkdownV2 formats the text. Returns the ' +
    'message id and the chat.',
  icon: 'Send',
  category: 'integrations',
  integration: telegram.id,
  keywords: ['telegram', 'message', 'send', 'chat', 'notify', 'bot', 'notification'],
  inputSchema: z.object({
    text: z.string().trim().min(1, 'Give the message text').max(4096).describe('The message, up to 4096 characters'),
    chat_id: z.string().max(100).optional().describe('Chat id or @channelusername; default: the credential\'s chat'),
    parse_mode: z.enum(['HTML', 'MarkdownV2', 'Markdown']).optional().describe('How Telegram formats the text'),
    disable_notification: z.boolean().optional().describe('Send silently'),
    disable_web_page_preview: z.boolean().optional().describe('No link preview'),
  }),
  async execute(input, context) {
    const values = await telegramCredential(context);
    const message = await callBotApi<SentMessage>(context, values.bot_token!, 'sendMessage', {
      chat_id: input.chat_id?.trim() || values.chat_id!.trim(),
      text: input.text,
      ...(input.parse_mode ? { parse_mode: input.parse_mode } : {}),
      ...(input.disable_notification ? { disable_notification: true } : {}),
      ...(input.disable_web_page_preview ? { link_preview_options: { is_disabled: true } } : {}),
    });
    const chatName = message.chat.title ?? (message.chat.username ? `@${message.chat.username}` : undefined);
    return {
      result: {
        sent: true,
        messageId: message.message_id,
        chatId: message.chat.id,
        ...(chatName ? { chat: chatName } : {}),
        sentAt: new Date(message.date * 1000).toISOString(),
      },
    };
  },
});
