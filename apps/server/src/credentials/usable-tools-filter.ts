import type { IntegrationDirectory } from '../integrations/integration-directory.js';
import type { CredentialsRepository } from './credentials.repository.js';

export interface UsableToolsFilterDeps {
  repository: Pick<CredentialsRepository, 'integrationTypesOfUser'>;
  directory: Pick<IntegrationDirectory, 'find' | 'unavailableReason'>;
  /** How long a user's set of integrations is reused, milliseconds. Default 5000. */
  ttlMs?: number;
  clock?: () => number;
}

/**
 * Which tools a user can use now (the tool registry's `usableFilter`): a tool of an integration only when the
 * user has a credential of it and the instance offers the integration; other tools always. One query per user
 * per few seconds (concurrent asks share it); `forget(userId)` drops the user's entry when their credentials
 * change.
 */
export function createUsableToolsFilter(deps: UsableToolsFilterDeps) {
  const ttlMs = deps.ttlMs ?? 5_000;
  const clock = deps.clock ?? Date.now;
  const cache = new Map<string, { expiresAt: number; integrations: Promise<Set<string>> }>();

  function integrationsOf(userId: string): Promise<Set<string>> {
    const cached = cache.get(userId);
    if (cached && cached.expiresAt > clock()) return cached.integrations;
    if (cache.size > 10_000) cache.clear();
    const integrations = deps.repository.integrationTypesOfUser(userId).then((types) => new Set(types));
    const entry = { expiresAt: clock() + ttlMs, integrations };
    cache.set(userId, entry);
    // A failed query is not cached.
    integrations.catch(() => {
      if (cache.get(userId) === entry) cache.delete(userId);
    });
    return integrations;
  }

  return {
    async filterFor(userId: string): Promise<(tool: { integration?: string | undefined }) => boolean> {
      const integrations = await integrationsOf(userId);
      return (tool) => {
        if (!tool.integration) return true;
        const integration = deps.directory.find(tool.integration);
        return integration !== undefined && integrations.has(tool.integration) && deps.directory.unavailableReason(integration) === null;
      };
    },
    forget(userId: string): void {
      cache.delete(userId);
    },
  };
}
export type UsableToolsFilter = ReturnType<typeof createUsableToolsFilter>;
