import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { googleChat, validateGoogleChatWebhookUrl } from './google-chat-api.js';
import { sendGoogleChatMessageTool } from './send-google-chat-message.tool.js';

/**
 * Google Chat through a space webhook. The credential test posts an empty message: Google checks the key and
 * token first (401/403/404 when wrong) and then refuses the empty message with 400, so nothing reaches the space.
 */
export const googleChatIntegration = defineIntegration({
  id: googleChat.id,
  name: googleChat.name,
  description: 'Send messages to a Google Chat space through a webhook.',
  icon: 'MessageSquare',
  category: 'communication',
  docsUrl: 'https://developers.google.com/workspace/chat/quickstart/webhooks',
  fields: [
    {
      key: 'webhook_url',
      label: 'Webhook URL',
      type: 'webhook_url',
      required: true,
      placeholder: 'https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…',
      helpText: 'In the space: Apps & integrations → Webhooks → Add webhook, then copy its URL.',
      sensitive: true,
      validate: validateGoogleChatWebhookUrl,
    },
  ],
  tools: [sendGoogleChatMessageTool],
  async test(values, context) {
    const url = requireValues(values, googleChat, ['webhook_url']).webhook_url!.trim();
    const problem = validateGoogleChatWebhookUrl(url);
    if (problem) throw new AppError('validation_failed', problem);
    try {
      await callService(context, { service: 'Google Chat', method: 'POST', url, json: {} });
    } catch (error) {
      const status = error instanceof AppError ? (error.details as { status?: number } | undefined)?.status : undefined;
      if (status !== 400) throw error;
    }
    return { message: 'Connected to the Google Chat webhook (checked without posting a message).' };
  },
});
