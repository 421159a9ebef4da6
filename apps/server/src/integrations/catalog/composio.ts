import { composioGmailIntegration } from '../composio_gmail/composio_gmail.integration.js';
import { composioGoogleSheetsIntegration } from '../composio_googlesheets/composio_googlesheets.integration.js';
import type { IntegrationDefinition } from '../define-integration.js';

/** The composio group of integrations (see ./index.ts), one line each. */
export const composioIntegrations: readonly IntegrationDefinition[] = [
  composioGmailIntegration,
  composioGoogleSheetsIntegration,
];
