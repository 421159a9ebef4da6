import type { IntegrationDefinition } from '../define-integration.js';
import { awsS3Integration } from '../aws_s3/aws_s3.integration.js';
import { hubspotIntegration } from '../hubspot/hubspot.integration.js';
import { leadsquaredIntegration } from '../leadsquared/leadsquared.integration.js';
import { mixpanelIntegration } from '../mixpanel/mixpanel.integration.js';
import { mongodbIntegration } from '../mongodb/mongodb.integration.js';
import { netlifyIntegration } from '../netlify/netlify.integration.js';
import { posthogIntegration } from '../posthog/posthog.integration.js';
import { redisIntegration } from '../redis/redis.integration.js';
import { shopifyIntegration } from '../shopify/shopify.integration.js';
import { xTwitterIntegration } from '../x_twitter/x_twitter.integration.js';

/** The business group of integrations (see ./index.ts), one line each. */
export const businessIntegrations: readonly IntegrationDefinition[] = [
  hubspotIntegration,
  leadsquaredIntegration,
  mixpanelIntegration,
  netlifyIntegration,
  posthogIntegration,
  redisIntegration,
  shopifyIntegration,
  xTwitterIntegration,
  awsS3Integration,
  mongodbIntegration,
];
