import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { refuseHtmlAnswer } from '../webhook-url.js';
import { sendTeamsMessageTool } from './send-teams-message.tool.js';
import { messageCard, teams, validateTeamsWebhookUrl } from './teams-api.js';

/**
 * Microsoft Teams through an incoming webhook. A Teams webhook cannot be read and an empty payload would start a
 * Workflows run, so the credential test does what the reference does: it posts a short, visible test card.
 */
export const teamsIntegration = defineIntegration({
  id: teams.id,
  name: teams.name,
  description: 'Send message cards to a Microsoft Teams channel through an incoming webhook.',
  icon: 'Users',
  category: 'communication',
  docsUrl: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  fields: [
    {
      key: 'webhook_url',
      label: 'Webhook URL',
      type: 'webhook_url',
      required: true,
      placeholder: 'https://acme.webhook.office.com/webhookb2/…',
      helpText: 'Channel → Manage channel → Connectors (or Workflows) → Incoming Webhook → copy the URL.',
      sensitive: true,
      validate: validateTeamsWebhookUrl,
    },
  ],
  tools: [sendTeamsMessageTool],
  async test(values, context) {
    const url = requireValues(values, teams, ['webhook_url']).webhook_url!.trim();
    const problem = validateTeamsWebhookUrl(url);
    if (problem) throw new AppError('validation_failed', problem);
    const card = messageCard({ title: 'ClaraVerse', text: 'Connection test: this webhook works.' });
    refuseHtmlAnswer('Microsoft Teams', await callService(context, { service: 'Microsoft Teams', method: 'POST', url, json: card, expect: 'any' }));
    return { message: 'Connected to the Teams webhook; a test card was posted to the channel.' };
  },
});
