import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { sendSlackMessageTool } from './send-slack-message.tool.js';
import { slack, validateSlackWebhookUrl } from './slack-api.js';

/**
 * Slack through an incoming webhook. The credential test posts an empty payload: Slack answers `400 no_text`
 * for a live webhook (nothing reaches the channel) and `403 invalid_token` / `404 no_service` for a dead one.
 */
export const slackIntegration = defineIntegration({
  id: slack.id,
  name: slack.name,
  description: 'Send messages to a Slack channel through an incoming webhook.',
  icon: 'Hash',
  category: 'communication',
  docsUrl: 'https://api.slack.com/messaging/webhooks',
  fields: [
    {
      key: 'webhook_url',
      label: 'Webhook URL',
      type: 'webhook_url',
      required: true,
      placeholder: 'https://hooks.slack.com/services/T…/B…/…',
      helpText: 'Create an app with Incoming Webhooks at api.slack.com/apps, add a webhook to a channel and copy its URL.',
      sensitive: true,
      validate: validateSlackWebhookUrl,
    },
  ],
  tools: [sendSlackMessageTool],
  async test(values, context) {
    const url = requireValues(values, slack, ['webhook_url']).webhook_url!.trim();
    const problem = validateSlackWebhookUrl(url);
    if (problem) throw new AppError('validation_failed', problem);
    try {
      await callService(context, { service: 'Slack', method: 'POST', url, json: {}, expect: 'any' });
    } catch (error) {
      const details = error instanceof AppError ? (error.details as { status?: number; serviceMessage?: string } | undefined) : undefined;
      if (details?.status === 400 && details.serviceMessage?.includes('no_text')) {
        return { message: 'Connected to the Slack webhook (checked without posting a message).' };
      }
      throw error;
    }
    return { message: 'Connected to the Slack webhook.' };
  },
});
