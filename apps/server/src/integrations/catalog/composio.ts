import type { IntegrationDefinition } from '../define-integration.js';

/** The composio group of integrations (see ./index.ts), one line each. */
export const composioIntegrations: readonly IntegrationDefinition[] = [];
