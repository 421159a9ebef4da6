import type { IntegrationDefinition } from '../define-integration.js';
import { brevoIntegration } from '../brevo/brevo.integration.js';
import { customWebhookIntegration } from '../custom_webhook/custom_webhook.integration.js';
import { discordIntegration } from '../discord/discord.integration.js';
import { googleChatIntegration } from '../google_chat/google_chat.integration.js';
import { mailchimpIntegration } from '../mailchimp/mailchimp.integration.js';
import { referralmonkIntegration } from '../referralmonk/referralmonk.integration.js';
import { restApiIntegration } from '../rest_api/rest_api.integration.js';
import { sendgridIntegration } from '../sendgrid/sendgrid.integration.js';
import { slackIntegration } from '../slack/slack.integration.js';
import { smtpIntegration } from '../smtp/smtp.integration.js';
import { teamsIntegration } from '../teams/teams.integration.js';
import { telegramIntegration } from '../telegram/telegram.integration.js';
import { twilioIntegration } from '../twilio/twilio.integration.js';
import { zoomIntegration } from '../zoom/zoom.integration.js';

/** The messaging group of integrations (see ./index.ts), one line each. */
export const messagingIntegrations: readonly IntegrationDefinition[] = [
  discordIntegration,
  slackIntegration,
  telegramIntegration,
  teamsIntegration,
  googleChatIntegration,
  zoomIntegration,
  twilioIntegration,
  referralmonkIntegration,
  sendgridIntegration,
  brevoIntegration,
  mailchimpIntegration,
  customWebhookIntegration,
  restApiIntegration,
  smtpIntegration,
];
