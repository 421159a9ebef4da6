import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import { createTtlCache } from '../platform/cache/ttl-cache.js';
import type { Cipher } from '../platform/crypto/cipher.js';
import type { Database } from '../platform/database/tables.js';
import type { RouteSpec } from '../platform/http/define-route.js';
import type { Logger } from '../platform/logging/logger.js';
import { importProvidersFile } from './commands/import-providers-file.js';
import { findMediaProvider, type MediaProviderFlag } from './media-providers.js';
import { testModel } from './commands/test-model.js';
import type { LlmClient } from './llm/llm-client.js';
import { createModelRefresher, type ModelRefreshOptions } from './model-refresh.js';
import { modelsAdminRoutes } from './models-admin.routes.js';
import { createModelsRepository } from './models.repository.js';
import { createModelsService } from './models.service.js';
import { providersAdminRoutes } from './providers-admin.routes.js';
import { providersRoutes } from './providers.routes.js';
import { createProvidersRepository } from './providers.repository.js';
import { createProvidersService, type ProvidersDeps } from './providers.service.js';

import type { ResolvedModel } from './models.service.js';
export type { ResolvedModel } from './models.service.js';
export type { ModelRefreshOptions } from './model-refresh.js';
export type { MediaProvider, MediaProviderFlag } from './media-providers.js';

export interface ProvidersModuleDeps {
  db: Kysely<Database>;
  cipher: Cipher;
  llmClient: LlmClient;
  auditService: AuditService;
  logger: Logger;
  now: () => Date;
  /** Instance setting: may users add providers with their own keys? Checked on every request. */
  isByokEnabled: () => Promise<boolean>;
  /** Let users' own providers use private or loopback addresses (single-user installs). Default false. */
  allowPrivateOwnProviderUrls?: boolean;
}

/** How long a resolved model is reused; bounds staleness on other instances in scale-out mode. */
const resolutionTtlMs = 5_000;
const providerWrites = ['insert', 'update', 'deleteById'] as const;
const modelWrites = ['insertAlias', 'deleteAlias', 'saveCapabilities', 'insertIfAbsent', 'update', 'patch', 'deleteById', 'setVisibilityOfInstanceModels'] as const;

/** The repository with `onWrite` called after each of the named write methods (success or failure). */
function invalidatingWrites<Repository extends object>(repository: Repository, writes: readonly (keyof Repository)[], onWrite: () => void): Repository {
  const wrapped = { ...repository };
  for (const name of writes) {
    const method = repository[name];
    if (typeof method !== 'function') throw new Error(`${String(name)} is not a repository method`);
    wrapped[name] = (async (...args: unknown[]) => {
      try {
        return await (method as (...input: unknown[]) => Promise<unknown>).apply(repository, args);
      } finally {
        onWrite();
      }
    }) as Repository[keyof Repository];
  }
  return wrapped;
}

/**
 * The providers domain: instance and bring-your-own-key providers, their models, aliases and tests, the
 * model resolver the chat uses, the `providers.json` import and the daily model refresh.
 */
export function createProvidersModule(moduleDeps: ProvidersModuleDeps) {
  // Model resolution runs before every chat reply and /v1 request; it reads the same rows each time. Cache it
  // briefly and drop the cache on any write of this domain (and on the BYOK setting, via invalidateCaches).
  const resolutions = createTtlCache<ResolvedModel>({ ttlMs: resolutionTtlMs, maxEntries: 10_000 });
  const deps: ProvidersDeps = {
    ...moduleDeps,
    allowPrivateOwnProviderUrls: moduleDeps.allowPrivateOwnProviderUrls ?? false,
    providersRepository: invalidatingWrites(createProvidersRepository(moduleDeps.db), providerWrites, resolutions.clear),
    modelsRepository: invalidatingWrites(createModelsRepository(moduleDeps.db), modelWrites, resolutions.clear),
  };
  const providersService = createProvidersService(deps);
  const modelsService = createModelsService(deps);
  const refresher = createModelRefresher(deps);
  const service = {
    ...providersService,
    ...modelsService,
    resolveModel: (userId: string, modelIdOrAlias: string): Promise<ResolvedModel> =>
      resolutions.getOrLoad(`${userId}\u0000${modelIdOrAlias}`, () => modelsService.resolveModel(userId, modelIdOrAlias)),
    /** Forget cached model resolutions (an instance setting they depend on changed). */
    invalidateCaches: () => resolutions.clear(),
    /** Tests an instance model (latency, tokens/s, tools, structured output) and stores the result. */
    testModel: (modelId: string) => testModel(deps, modelId),
    /** Imports a legacy `providers.json` when the instance has no providers yet. @throws ValidationError */
    importProvidersFile: (path: string) => importProvidersFile(deps, path),
    /** Re-fetches every enabled instance provider's models now. */
    refreshModelsNow: () => refresher.refreshNow(),
    /** The image-generation, image-editing or transcription provider a user's request goes to, or null. */
    findMediaProvider: (userId: string, flag: MediaProviderFlag) => findMediaProvider(deps, userId, flag),
  };
  const routes: RouteSpec[] = [
    ...providersAdminRoutes({ providersService }),
    ...modelsAdminRoutes({ modelsService, testModel: service.testModel }),
    ...providersRoutes({ providersService, modelsService }),
  ];
  return {
    routes,
    service,
    /** Starts the periodic refresh of enabled instance providers' models (timers are unref'd). */
    startModelRefresh: (options: ModelRefreshOptions) => refresher.start(options),
    /** Stops the refresh timers and waits for a pass in progress. */
    stop: () => refresher.stop(),
  };
}
export type ProvidersModule = ReturnType<typeof createProvidersModule>;
export type ProvidersModuleService = ProvidersModule['service'];
