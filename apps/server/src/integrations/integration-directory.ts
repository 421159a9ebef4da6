import type { Integration, IntegrationsResponse } from '@claraverse/shared';
import { integrationCategories, type IntegrationDefinition } from './define-integration.js';

export interface IntegrationDirectoryOptions {
  /** Whether `COMPOSIO_API_KEY` is set (Composio integrations need it). */
  isComposioConfigured: boolean;
}

/**
 * The integrations of this instance, looked up by id and shown to the API: which can be used here
 * (Composio's only with `COMPOSIO_API_KEY`), their fields without the server-side checks, their tools' names.
 */
export function createIntegrationDirectory(integrations: readonly IntegrationDefinition[], options: IntegrationDirectoryOptions) {
  const byId = new Map(integrations.map((integration) => [integration.id, integration]));

  function unavailableReason(integration: IntegrationDefinition): string | null {
    if (integration.requiresInstanceConfig === 'composio' && !options.isComposioConfigured) {
      return `${integration.name} connects through Composio; the administrator has to set COMPOSIO_API_KEY first.`;
    }
    return null;
  }

  function present(integration: IntegrationDefinition): Integration {
    const reason = unavailableReason(integration);
    return {
      id: integration.id,
      name: integration.name,
      description: integration.description,
      icon: integration.icon,
      category: integration.category,
      fields: integration.fields.map(({ validate: _validate, options: choices, ...field }) => ({
        ...field,
        ...(choices ? { options: [...choices] } : {}),
      })),
      tools: integration.tools.map((tool) => tool.name),
      docsUrl: integration.docsUrl,
      available: reason === null,
      ...(reason ? { unavailableReason: reason } : {}),
      testable: integration.test !== undefined,
    };
  }

  return {
    all: integrations,
    find: (id: string): IntegrationDefinition | undefined => byId.get(id),
    unavailableReason,
    present,
    /** Every category in the catalogue's order, each with its integrations (by name). */
    catalogue(): IntegrationsResponse {
      return {
        categories: integrationCategories.map((category) => ({
          ...category,
          integrations: integrations
            .filter((integration) => integration.category === category.id)
            .map(present)
            .sort((left, right) => left.name.localeCompare(right.name)),
        })),
      };
    },
  };
}
export type IntegrationDirectory = ReturnType<typeof createIntegrationDirectory>;
