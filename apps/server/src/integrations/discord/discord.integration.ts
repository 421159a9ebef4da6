import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { discord, validateDiscordWebhookUrl, type DiscordWebhook } from './discord-api.js';
import { sendDiscordMessageTool } from './send-discord-message.tool.js';

/**
 * Discord through a channel webhook. The credential test reads the webhook (`GET <webhook>`, which needs only
 * its token) instead of posting a message.
 */
export const discordIntegration = defineIntegration({
  id: discord.id,
  name: discord.name,
  description: 'Send messages, embeds and images to a Discord channel through a webhook.',
  icon: 'MessageCircle',
  category: 'communication',
  docsUrl: 'https://support.discord.com/hc/en-us/articles/228383668-Intro-to-Webhooks',
  fields: [
    {
      key: 'webhook_url',
      label: 'Webhook URL',
      type: 'webhook_url',
      required: true,
      placeholder: 'https://discord.com/api/webhooks/…/…',
      helpText: 'Channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
      sensitive: true,
      validate: validateDiscordWebhookUrl,
    },
  ],
  tools: [sendDiscordMessageTool],
  async test(values, context) {
    const url = requireValues(values, discord, ['webhook_url']).webhook_url!.trim();
    const problem = validateDiscordWebhookUrl(url);
    if (problem) throw new AppError('validation_failed', problem);
    const { data } = await callService<DiscordWebhook>(context, { service: 'Discord', url });
    const name = data.name ? `"${data.name}"` : data.id;
    return { message: `Connected to Discord webhook ${name} (channel ${data.channel_id}).`, details: { webhookId: data.id, channelId: data.channel_id, guildId: data.guild_id } };
  },
});
