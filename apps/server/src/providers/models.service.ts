import type { Model, ModelAlias, Provider, UpdateModelBody, UserModel } from '@claraverse/shared';
import type { Updateable } from 'kysely';
import type { ModelRow, ModelsTable } from '../platform/database/tables.js';
import { AppError, ConflictError, NotFoundError } from '../platform/errors/app-error.js';
import { isUniqueViolation } from '../platform/database/timestamps.js';
import type { LlmTarget } from './llm/llm-client.js';
import type { ModelWithProviderRow } from './models.repository.js';
import { presentAlias, presentModel, presentProvider, readCapabilities, readFlags } from './present-provider.js';
import { providerTarget } from './provider-secrets.js';
import { byokDisabledMessage, type ProvidersDeps } from './providers.service.js';

/** What the chat (and later agents) need to call a model a user picked. */
export interface ResolvedModel {
  model: Model;
  provider: Provider;
  /** Decrypted key included: never log or return it. */
  target: LlmTarget;
  /** The model belongs to the caller's own provider. */
  isOwn: boolean;
  /** Send no tools: the provider refused them before, or an admin turned tools off. */
  toolsUnsupported: boolean;
}

async function findAdminModel(deps: ProvidersDeps, id: string): Promise<ModelWithProviderRow> {
  const row = await deps.modelsRepository.findWithProvider(id);
  if (!row || row.provider_owner_user_id !== null) throw new NotFoundError('model', id);
  return row;
}

function modelChanges(row: ModelRow, body: UpdateModelBody, now: string): Updateable<ModelsTable> {
  const changes: Updateable<ModelsTable> = { updated_at: now };
  if (body.displayName !== undefined) changes.display_name = body.displayName;
  if (body.description !== undefined) changes.description = body.description;
  if (body.contextLength !== undefined) changes.context_length = body.contextLength;
  if (body.capabilities !== undefined) changes.capabilities = JSON.stringify({ ...readCapabilities(row.capabilities), ...body.capabilities });
  if (body.isVisible !== undefined) {
    changes.is_visible = body.isVisible ? 1 : 0;
    changes.visibility_locked = 1;
  }
  if (body.systemPrompt !== undefined) changes.system_prompt = body.systemPrompt;
  if (body.tier !== undefined) changes.tier = body.tier;
  return changes;
}

function presentUserModel(row: ModelWithProviderRow): UserModel {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    capabilities: readCapabilities(row.capabilities),
    tier: row.tier,
    contextLength: row.context_length,
    isOwn: row.provider_owner_user_id !== null,
  };
}

/** Chat models only: providers that only transcribe, generate or edit images stay out of the picker. */
function isChatProvider(row: ModelWithProviderRow): boolean {
  const flags = readFlags(row.provider_flags);
  return !flags.audioOnly && !flags.imageOnly && !flags.imageEditOnly;
}

function byTierThenName(left: UserModel, right: UserModel): number {
  const tier = (left.tier ?? 99) - (right.tier ?? 99);
  if (tier !== 0) return tier;
  const name = left.displayName.localeCompare(right.displayName, 'en', { sensitivity: 'base' });
  return name !== 0 ? name : left.id.localeCompare(right.id);
}

async function findForUser(deps: ProvidersDeps, userId: string, idOrAlias: string, isByokEnabled: boolean): Promise<ModelWithProviderRow | undefined> {
  const isAccessible = (row: ModelWithProviderRow | undefined) => row !== undefined && (row.provider_owner_user_id === null || row.provider_owner_user_id === userId);
  const byId = await deps.modelsRepository.findWithProvider(idOrAlias);
  if (isAccessible(byId)) return byId;
  const alias = await deps.modelsRepository.findAlias(idOrAlias);
  if (alias) {
    const target = await deps.modelsRepository.findWithProvider(alias.model_id);
    if (isAccessible(target)) return target;
  }
  const isUsable = (row: ModelWithProviderRow) =>
    row.provider_enabled === 1 && row.is_visible === 1 && (row.provider_owner_user_id === null || isByokEnabled);
  const candidates = await deps.modelsRepository.findByNameForUser(idOrAlias, userId);
  // A usable model first; between usable ones the user's own provider wins (they added it on purpose).
  const ranked = [...candidates].sort((left, right) =>
    Number(isUsable(right)) - Number(isUsable(left)) || Number(right.provider_owner_user_id !== null) - Number(left.provider_owner_user_id !== null));
  return ranked[0];
}

async function resolveModel(deps: ProvidersDeps, userId: string, idOrAlias: string): Promise<ResolvedModel> {
  const isByokEnabled = await deps.isByokEnabled();
  const row = await findForUser(deps, userId, idOrAlias, isByokEnabled);
  if (!row) throw new AppError('not_found', `Unknown model "${idOrAlias.slice(0, 200)}"; pick one from the model list`);
  const isOwn = row.provider_owner_user_id !== null;
  if (isOwn && !isByokEnabled) throw new AppError('forbidden', byokDisabledMessage, { reason: 'byok_disabled' });
  if (row.provider_enabled !== 1) {
    throw new AppError('forbidden', `The provider "${row.provider_name}" of model "${row.display_name}" is disabled; pick another model`, { reason: 'provider_disabled' });
  }
  if (row.is_visible !== 1) throw new AppError('forbidden', `The model "${row.display_name}" is not available; pick another model`, { reason: 'model_hidden' });
  const providerRow = await deps.providersRepository.findById(row.provider_id);
  if (!providerRow) throw new NotFoundError('provider', row.provider_id);
  const model = presentModel(row);
  return {
    model,
    provider: presentProvider(providerRow),
    target: { ...providerTarget(deps.cipher, providerRow), model: row.name },
    isOwn,
    toolsUnsupported: !model.capabilities.tools || (await deps.modelsRepository.isToolsUnsupported(row.id)),
  };
}

/** Models for admins (instance providers), for users (their picker) and for the chat (the resolver). */
export function createModelsService(deps: ProvidersDeps) {
  return {
    async listModels(providerId?: string): Promise<Model[]> {
      return (await deps.modelsRepository.listInstance(providerId)).map(presentModel);
    },
    getModel: async (id: string): Promise<Model> => presentModel(await findAdminModel(deps, id)),
    async updateModel(id: string, body: UpdateModelBody): Promise<Model> {
      const row = await findAdminModel(deps, id);
      const updated = await deps.modelsRepository.update(id, modelChanges(row, body, deps.now().toISOString()));
      if (!updated) throw new NotFoundError('model', id);
      return presentModel(updated);
    },
    async deleteModel(id: string): Promise<void> {
      await findAdminModel(deps, id);
      await deps.modelsRepository.deleteById(id);
    },
    /** Shows or hides instance models by hand (filters leave them alone afterwards); returns the updated models. */
    async setVisibility(modelIds: readonly string[], isVisible: boolean): Promise<Model[]> {
      const rows = await deps.modelsRepository.setVisibilityOfInstanceModels([...new Set(modelIds)], isVisible, deps.now().toISOString());
      return rows.map(presentModel);
    },
    async listAliases(modelId: string): Promise<ModelAlias[]> {
      await findAdminModel(deps, modelId);
      return (await deps.modelsRepository.listAliases(modelId)).map(presentAlias);
    },
    async createAlias(modelId: string, body: { alias: string; displayName?: string | undefined; description?: string | undefined }): Promise<ModelAlias[]> {
      await findAdminModel(deps, modelId);
      const taken = () => new ConflictError(`The alias "${body.alias}" is already in use`);
      if (await deps.modelsRepository.findAlias(body.alias)) throw taken();
      try {
        await deps.modelsRepository.insertAlias({
          alias: body.alias, model_id: modelId, display_name: body.displayName ?? null, description: body.description ?? null, created_at: deps.now().toISOString(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      }
      return (await deps.modelsRepository.listAliases(modelId)).map(presentAlias);
    },
    async deleteAlias(modelId: string, alias: string): Promise<void> {
      await findAdminModel(deps, modelId);
      if ((await deps.modelsRepository.deleteAlias(modelId, alias)) === 0) throw new AppError('not_found', `The model has no alias "${alias}"`);
    },
    /** A user's model picker: visible models of enabled instance chat providers, then their own (BYOK on). */
    async listUserModels(userId: string): Promise<UserModel[]> {
      const isByokEnabled = await deps.isByokEnabled();
      const rows = await deps.modelsRepository.listVisibleForUser(isByokEnabled ? userId : null);
      return rows.filter(isChatProvider).map(presentUserModel).sort(byTierThenName);
    },
    /**
     * Finds the model a user asked for by id, then alias, then the provider's model name.
     * @throws AppError `not_found` for an unknown model (or another user's), `forbidden` when its provider is
     *   disabled, the model hidden, or BYOK turned off (`details.reason` says which).
     */
    resolveModel: (userId: string, modelIdOrAlias: string) => resolveModel(deps, userId, modelIdOrAlias),
    /** Records that a provider refused tools for this model: the chat retries and later sends none. */
    async markToolsUnsupported(modelId: string): Promise<void> {
      const row = await deps.modelsRepository.findById(modelId);
      if (!row) return;
      await deps.modelsRepository.saveCapabilities(modelId, { tools_unsupported: 1 });
      const capabilities = { ...readCapabilities(row.capabilities), tools: false };
      await deps.modelsRepository.patch(modelId, { capabilities: JSON.stringify(capabilities), updated_at: deps.now().toISOString() });
    },
  };
}
export type ModelsService = ReturnType<typeof createModelsService>;
