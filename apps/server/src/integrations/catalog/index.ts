import type { AnyToolDefinition } from '../../tools/define-tool.js';
import type { IntegrationDefinition } from '../define-integration.js';
import { businessIntegrations } from './business.js';
import { composioIntegrations } from './composio.js';
import { messagingIntegrations } from './messaging.js';
import { workIntegrations } from './work.js';

/**
 * Every integration (reference §4.3), grouped in files so that each group can grow on its own:
 *   messaging  — discord, slack, telegram, teams, google_chat, zoom, twilio, referralmonk, sendgrid, brevo,
 *                mailchimp, smtp, custom_webhook, rest_api
 *   work       — notion, airtable, trello, clickup, calendly, github, gitlab, linear, jira
 *   business   — hubspot, leadsquared, mixpanel, posthog, shopify, netlify, x_twitter, aws_s3, mongodb, redis
 *   composio   — composio_gmail, composio_googlesheets
 */
export const integrationCatalog: readonly IntegrationDefinition[] = [
  ...messagingIntegrations,
  ...workIntegrations,
  ...businessIntegrations,
  ...composioIntegrations,
];

/** Every integration's tools, for the tool registry. */
export const integrationTools: readonly AnyToolDefinition[] = integrationCatalog.flatMap((integration) => integration.tools);
