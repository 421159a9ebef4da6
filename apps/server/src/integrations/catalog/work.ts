import type { IntegrationDefinition } from '../define-integration.js';
import { airtableIntegration } from '../airtable/airtable.integration.js';
import { calendlyIntegration } from '../calendly/calendly.integration.js';
import { clickupIntegration } from '../clickup/clickup.integration.js';
import { githubIntegration } from '../github/github.integration.js';
import { gitlabIntegration } from '../gitlab/gitlab.integration.js';
import { jiraIntegration } from '../jira/jira.integration.js';
import { linearIntegration } from '../linear/linear.integration.js';
import { notionIntegration } from '../notion/notion.integration.js';
import { trelloIntegration } from '../trello/trello.integration.js';

/** The work group of integrations (see ./index.ts), one line each. */
export const workIntegrations: readonly IntegrationDefinition[] = [
  notionIntegration,
  airtableIntegration,
  trelloIntegration,
  clickupIntegration,
  calendlyIntegration,
  githubIntegration,
  gitlabIntegration,
  linearIntegration,
  jiraIntegration,
];
