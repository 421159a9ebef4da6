import { randomUUID } from 'node:crypto';
import type { CreateProviderBody, Model, ModelFilter, Provider, UpdateProviderBody } from '@claraverse/shared';
import type { Kysely, Updateable } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { Cipher } from '../platform/crypto/cipher.js';
import type { Database, ProviderRow, ProvidersTable } from '../platform/database/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import type { LlmClient } from './llm/llm-client.js';
import { cipherScopeOf } from './provider-secrets.js';
import { fetchProviderModels, reapplyFilters } from './commands/fetch-provider-models.js';
import type { ModelsRepository } from './models.repository.js';
import { presentProvider, readFlags } from './present-provider.js';
import { assertBaseUrlSane, assertOwnProviderUrlAllowed, maxOwnProvidersPerUser } from './providers.policy.js';
import type { ProvidersRepository } from './providers.repository.js';

export interface ProvidersDeps {
  db: Kysely<Database>;
  cipher: Cipher;
  llmClient: LlmClient;
  auditService: AuditService;
  logger: Logger;
  now: () => Date;
  isByokEnabled: () => Promise<boolean>;
  providersRepository: ProvidersRepository;
  modelsRepository: ModelsRepository;
  /** Let users point their own providers at private or loopback addresses (single-user installs). */
  allowPrivateOwnProviderUrls: boolean;
}

/** Who acts, for the audit trail. */
export interface Actor {
  userId: string;
  ip: string;
}

/** `null`: the instance's providers (admin); a user id: that user's own (bring-your-own-key) providers. */
export type ProviderOwner = string | null;

const defaultFlags = { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false };

export const byokDisabledMessage = 'Bring-your-own-key providers are turned off on this instance by an administrator';

async function assertScopeOpen(deps: ProvidersDeps, owner: ProviderOwner): Promise<void> {
  if (owner !== null && !(await deps.isByokEnabled())) throw new ForbiddenError(byokDisabledMessage);
}

async function findInScope(deps: ProvidersDeps, owner: ProviderOwner, id: string): Promise<ProviderRow> {
  await assertScopeOpen(deps, owner);
  const row = await deps.providersRepository.findInScope(id, owner);
  if (!row) throw new NotFoundError('provider', id);
  return row;
}

async function createProvider(deps: ProvidersDeps, owner: ProviderOwner, body: CreateProviderBody, actor: Actor): Promise<Provider> {
  await assertScopeOpen(deps, owner);
  assertBaseUrlSane(body.baseUrl);
  if (owner !== null) {
    if (!deps.allowPrivateOwnProviderUrls) assertOwnProviderUrlAllowed(body.baseUrl);
    if ((await deps.providersRepository.countInScope(owner)) >= maxOwnProvidersPerUser) {
      throw new ConflictError(`You can keep at most ${maxOwnProvidersPerUser} providers of your own; delete one first`);
    }
  }
  if (await deps.providersRepository.nameTaken(body.name, owner)) throw new ConflictError(`A provider called "${body.name}" already exists`);
  const id = randomUUID();
  const now = deps.now().toISOString();
  await deps.providersRepository.insert({
    id,
    owner_user_id: owner,
    name: body.name,
    kind: body.kind,
    base_url: body.baseUrl,
    api_key_ciphertext: body.apiKey ? deps.cipher.encrypt(body.apiKey, cipherScopeOf({ id, owner_user_id: owner })) : null,
    enabled: body.enabled ? 1 : 0,
    flags: JSON.stringify({ ...defaultFlags, ...body.flags }),
    system_prompt: body.systemPrompt ?? null,
    filters: JSON.stringify(body.filters ?? []),
    last_fetched_at: null,
    created_at: now,
    updated_at: now,
  });
  if (owner === null) {
    await deps.auditService.record({
      actorUserId: actor.userId, action: 'admin.provider-created', targetType: 'provider', targetId: id, ip: actor.ip,
      details: { name: body.name, kind: body.kind, baseUrl: body.baseUrl, hasApiKey: body.apiKey !== undefined },
    });
  }
  const row = await deps.providersRepository.findById(id);
  if (!row) throw new NotFoundError('provider', id);
  return presentProvider(row);
}

function changesOf(deps: ProvidersDeps, row: ProviderRow, body: UpdateProviderBody): Updateable<ProvidersTable> {
  const changes: Updateable<ProvidersTable> = { updated_at: deps.now().toISOString() };
  if (body.name !== undefined) changes.name = body.name;
  if (body.kind !== undefined) changes.kind = body.kind;
  if (body.baseUrl !== undefined) changes.base_url = body.baseUrl;
  if (body.enabled !== undefined) changes.enabled = body.enabled ? 1 : 0;
  if (body.apiKey !== undefined) changes.api_key_ciphertext = body.apiKey === null ? null : deps.cipher.encrypt(body.apiKey, cipherScopeOf(row));
  if (body.flags !== undefined) changes.flags = JSON.stringify({ ...readFlags(row.flags), ...body.flags });
  if (body.systemPrompt !== undefined) changes.system_prompt = body.systemPrompt;
  if (body.filters !== undefined) changes.filters = JSON.stringify(body.filters);
  return changes;
}

async function updateProvider(deps: ProvidersDeps, owner: ProviderOwner, id: string, body: UpdateProviderBody, actor: Actor): Promise<Provider> {
  const row = await findInScope(deps, owner, id);
  if (body.baseUrl !== undefined) assertBaseUrlSane(body.baseUrl);
  if (owner !== null && body.baseUrl !== undefined && !deps.allowPrivateOwnProviderUrls) assertOwnProviderUrlAllowed(body.baseUrl);
  if (body.name !== undefined && (await deps.providersRepository.nameTaken(body.name, owner, id))) {
    throw new ConflictError(`A provider called "${body.name}" already exists`);
  }
  const updated = await deps.providersRepository.update(id, changesOf(deps, row, body));
  if (!updated) throw new NotFoundError('provider', id);
  if (body.filters !== undefined) await reapplyFilters(deps, id, body.filters as ModelFilter[]);
  if (owner === null) {
    await deps.auditService.record({
      actorUserId: actor.userId, action: 'admin.provider-updated', targetType: 'provider', targetId: id, ip: actor.ip,
      details: { changed: Object.keys(body).filter((key) => body[key as keyof UpdateProviderBody] !== undefined) },
    });
  }
  return presentProvider(updated);
}

async function deleteProvider(deps: ProvidersDeps, owner: ProviderOwner, id: string, actor: Actor): Promise<void> {
  const row = await findInScope(deps, owner, id);
  await deps.providersRepository.deleteById(id);
  if (owner === null) {
    await deps.auditService.record({
      actorUserId: actor.userId, action: 'admin.provider-deleted', targetType: 'provider', targetId: id, ip: actor.ip, details: { name: row.name },
    });
  }
}

/** Provider CRUD and model fetching, for the instance (admin) and for each user's own providers. */
export function createProvidersService(deps: ProvidersDeps) {
  return {
    async listProviders(owner: ProviderOwner): Promise<Provider[]> {
      await assertScopeOpen(deps, owner);
      return (await deps.providersRepository.listInScope(owner)).map(presentProvider);
    },
    getProvider: async (owner: ProviderOwner, id: string): Promise<Provider> => presentProvider(await findInScope(deps, owner, id)),
    createProvider: (owner: ProviderOwner, body: CreateProviderBody, actor: Actor) => createProvider(deps, owner, body, actor),
    updateProvider: (owner: ProviderOwner, id: string, body: UpdateProviderBody, actor: Actor) => updateProvider(deps, owner, id, body, actor),
    deleteProvider: (owner: ProviderOwner, id: string, actor: Actor) => deleteProvider(deps, owner, id, actor),
    /** Pulls the provider's model list, stores it and applies the filters. */
    async fetchModels(owner: ProviderOwner, id: string): Promise<Model[]> {
      return fetchProviderModels(deps, await findInScope(deps, owner, id));
    },
    /** What any signed-in user may see: the enabled instance providers, no secrets. */
    async listPublicProviders() {
      const rows = await deps.providersRepository.listEnabledInstance();
      return rows.map((row) => {
        const provider = presentProvider(row);
        return { id: provider.id, name: provider.name, kind: provider.kind, enabled: provider.enabled, flags: provider.flags };
      });
    },
  };
}
export type ProvidersService = ReturnType<typeof createProvidersService>;
