import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { googleChat, googleChatWebhookUrl, type ChatMessage } from './google-chat-api.js';

/**
 * Posts a text message through the user's Google Chat space webhook (`POST <webhook>`, JSON `{ text }`). With
 * `thread_key` replies go to that thread (`messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`).
 */
export const sendGoogleChatMessageTool = defineTool({
  name: 'send_google_chat_message',
  displayName: 'Send Google Chat Message',
  description:
    'Posts a text message to the Google Chat space of the user\'s webhook (Chat formatting: *bold*, _italic_, ' +
    '<https://x|links>). thread_key groups messages in one thread. Use it to notify a team in Google Chat. Returns ' +
    'the message name and thread.',
  icon: 'MessageSquare',
  category: 'integrations',
  integration: googleChat.id,
  keywords: ['google chat', 'hangouts', 'message', 'send', 'space', 'notify', 'notification', 'workspace', 'gchat'],
  inputSchema: z.object({
    text: z.string().trim().min(1, 'Give the message text').max(32_000).describe('The message'),
    thread_key: z.string().max(200).optional().describe('Reply in the thread with this key (created when new)'),
  }),
  async execute(input, context) {
    const url = await googleChatWebhookUrl(context);
    const { data } = await callService<ChatMessage>(context, {
      service: 'Google Chat',
      method: 'POST',
      url,
      query: input.thread_key ? { threadKey: input.thread_key, messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' } : {},
      json: { text: input.text },
    });
    return {
      result: {
        sent: true,
        messageName: data.name,
        ...(data.thread?.name ? { thread: data.thread.name } : {}),
        ...(data.space?.displayName ? { space: data.space.displayName } : {}),
        ...(data.createTime ? { createdAt: data.createTime } : {}),
      },
    };
  },
});
