import { randomUUID } from 'node:crypto';
import type { Model, ModelFilter } from '@claraverse/shared';
import type { ProviderRow } from '../../platform/database/tables.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ListedModel } from '../llm/llm-client.js';
import { isVisibleUnderFilters } from '../model-filters.js';
import { guessCapabilities, presentModel, readFilters } from '../present-provider.js';
import { providerTarget } from '../provider-secrets.js';
import type { ProvidersDeps } from '../providers.service.js';

/** More than any real provider lists; protects the database from a runaway answer. */
const maxModelsPerProvider = 5_000;
const listTimeoutMs = 60_000;

/** A provider failure as text a person can act on, with the key blanked out should the message echo it. */
export function describeProviderError(error: unknown, apiKey: string | null): string {
  const message = error instanceof Error ? error.message : String(error);
  return apiKey ? message.replaceAll(apiKey, '[redacted]') : message;
}

function usableListing(listed: readonly ListedModel[]): ListedModel[] {
  const seen = new Set<string>();
  const models: ListedModel[] = [];
  for (const model of listed) {
    const name = typeof model.name === 'string' ? model.name.trim() : '';
    if (!name || name.length > 500 || seen.has(name)) continue;
    seen.add(name);
    models.push({ ...model, name });
    if (models.length >= maxModelsPerProvider) break;
  }
  return models;
}

/**
 * Pulls a provider's model list and stores it. New models get a display name, context length and guessed
 * capabilities; models already stored keep every admin edit (only `fetchedAt` and a missing context length
 * change). Visibility follows the provider's filters except for models whose visibility an admin set by hand.
 * Models the provider no longer lists stay (an admin deletes them) so aliases to them survive a bad answer.
 * @throws AppError `upstream_unavailable` when the provider cannot be reached or refuses.
 */
export async function fetchProviderModels(deps: ProvidersDeps, provider: ProviderRow): Promise<Model[]> {
  const target = providerTarget(deps.cipher, provider);
  let listed: ListedModel[];
  try {
    listed = usableListing(await deps.llmClient.listModels(target, AbortSignal.timeout(listTimeoutMs)));
  } catch (error) {
    throw new AppError('upstream_unavailable', `Could not fetch the models of "${provider.name}": ${describeProviderError(error, target.apiKey)}`);
  }
  const filters = readFilters(provider.filters);
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (transaction) => {
    const existing = new Map((await deps.modelsRepository.listByProvider(provider.id, transaction)).map((model) => [model.name, model]));
    for (const item of listed) {
      const isVisible = isVisibleUnderFilters(item.name, filters) ? 1 : 0;
      const current = existing.get(item.name);
      if (!current) {
        await deps.modelsRepository.insertIfAbsent({
          id: randomUUID(),
          provider_id: provider.id,
          name: item.name,
          display_name: (item.displayName?.trim() || item.name).slice(0, 200),
          description: null,
          context_length: item.contextLength && Number.isInteger(item.contextLength) && item.contextLength > 0 ? item.contextLength : null,
          capabilities: JSON.stringify(guessCapabilities(item.name)),
          is_visible: isVisible,
          visibility_locked: 0,
          system_prompt: null,
          tier: null,
          fetched_at: now,
          created_at: now,
          updated_at: now,
        }, transaction);
        continue;
      }
      await deps.modelsRepository.patch(current.id, {
        fetched_at: now,
        ...(current.visibility_locked === 0 ? { is_visible: isVisible } : {}),
        ...(current.context_length === null && item.contextLength && Number.isInteger(item.contextLength) && item.contextLength > 0
          ? { context_length: item.contextLength }
          : {}),
      }, transaction);
    }
    await transaction.updateTable('providers').set({ last_fetched_at: now }).where('id', '=', provider.id).execute();
  });
  return (await deps.modelsRepository.listByProvider(provider.id)).map(presentModel);
}

/** After the filters of a provider change: recompute the visibility of its models an admin has not set by hand. */
export async function reapplyFilters(deps: ProvidersDeps, providerId: string, filters: readonly ModelFilter[]): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (transaction) => {
    for (const model of await deps.modelsRepository.listByProvider(providerId, transaction)) {
      if (model.visibility_locked === 1) continue;
      const isVisible = isVisibleUnderFilters(model.name, filters) ? 1 : 0;
      if (isVisible !== model.is_visible) await deps.modelsRepository.patch(model.id, { is_visible: isVisible, updated_at: now }, transaction);
    }
  });
}
