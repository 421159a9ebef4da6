import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createModelAliasBodySchema, modelFilterSchema, providerBaseUrlSchema, type ProviderKind } from '@claraverse/shared';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { toFieldIssues } from '../../platform/http/validate.js';
import { isVisibleUnderFilters } from '../model-filters.js';
import { guessCapabilities } from '../present-provider.js';
import { cipherScopeOf } from '../provider-secrets.js';
import type { ProvidersDeps } from '../providers.service.js';

/** An alias entry of the legacy file: the provider's model it points to, plus display metadata. */
const fileAliasSchema = z.object({
  actual_model: z.string().trim().min(1).max(500),
  display_name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
}); // other v2 metadata (supports_vision, free_tier, …) is accepted and ignored

const fileProviderSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  base_url: providerBaseUrlSchema,
  api_key: z.string().trim().max(4096).optional(),
  enabled: z.boolean().default(true),
  secure: z.boolean().optional(),
  audio_only: z.boolean().optional(),
  image_only: z.boolean().optional(),
  image_edit_only: z.boolean().optional(),
  system_prompt: z.string().max(20_000).optional(),
  filters: z.array(modelFilterSchema).max(100).optional(),
  model_aliases: z.record(createModelAliasBodySchema.shape.alias, fileAliasSchema).optional(),
  // Known v2 fields with no counterpart here; accepted so a v2 file imports unchanged.
  default_model: z.string().optional(),
  favicon: z.string().optional(),
  recommended_models: z.unknown().optional(),
});

/** The legacy `providers.json` format (reference §6.1). */
export const providersFileSchema = z.strictObject({ providers: z.array(fileProviderSchema).max(200) }).superRefine((file, context) => {
  const seen = new Set<string>();
  const aliases = new Set<string>();
  file.providers.forEach((provider, index) => {
    const name = provider.name.toLowerCase();
    if (seen.has(name)) context.addIssue({ code: 'custom', path: ['providers', index, 'name'], message: `Duplicate provider name "${provider.name}"` });
    seen.add(name);
    for (const alias of Object.keys(provider.model_aliases ?? {})) {
      if (aliases.has(alias)) context.addIssue({ code: 'custom', path: ['providers', index, 'model_aliases', alias], message: `Alias "${alias}" is defined twice` });
      aliases.add(alias);
    }
  });
});
export type ProvidersFile = z.infer<typeof providersFileSchema>;

/** The provider kind from its URL: the native APIs by host, anything else OpenAI-compatible. */
export function inferProviderKind(baseUrl: string): ProviderKind {
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (host === 'api.anthropic.com') return 'anthropic';
  if (host === 'generativelanguage.googleapis.com') return 'google';
  if (host === 'api.openai.com') return 'openai';
  return 'openai-compatible';
}

/** Reads and checks the file. @throws ValidationError listing every problem. */
export async function readProvidersFile(path: string): Promise<ProvidersFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ValidationError(`Cannot read the providers file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = providersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    const list = issues.map((issue) => `${issue.path || '(file)'}: ${issue.message}`).join('; ');
    throw new ValidationError(`The providers file ${path} is invalid: ${list}`, issues);
  }
  return parsed.data;
}

type FileProvider = ProvidersFile['providers'][number];

async function insertProvider(deps: ProvidersDeps, transaction: ProvidersDeps['db'], entry: FileProvider, now: string): Promise<void> {
  const id = randomUUID();
  const filters = entry.filters ?? [];
  await transaction.insertInto('providers').values({
    id,
    owner_user_id: null,
    name: entry.name,
    kind: inferProviderKind(entry.base_url),
    base_url: entry.base_url,
    api_key_ciphertext: entry.api_key ? deps.cipher.encrypt(entry.api_key, cipherScopeOf({ id, owner_user_id: null })) : null,
    enabled: entry.enabled ? 1 : 0,
    flags: JSON.stringify({
      imageOnly: entry.image_only ?? false, imageEditOnly: entry.image_edit_only ?? false, audioOnly: entry.audio_only ?? false, secure: entry.secure ?? false,
    }),
    system_prompt: entry.system_prompt ?? null,
    filters: JSON.stringify(filters),
    last_fetched_at: null,
    created_at: now,
    updated_at: now,
  }).execute();
  // Aliases point at models the provider has not listed yet: a placeholder model row carries the name,
  // and the first fetch fills in the rest while keeping the row (and so the alias).
  for (const [alias, target] of Object.entries(entry.model_aliases ?? {})) {
    let model = await transaction.selectFrom('models').select('id').where('provider_id', '=', id).where('name', '=', target.actual_model).executeTakeFirst();
    if (!model) {
      model = { id: randomUUID() };
      await transaction.insertInto('models').values({
        id: model.id, provider_id: id, name: target.actual_model, display_name: target.display_name ?? target.actual_model, description: target.description ?? null,
        context_length: null, capabilities: JSON.stringify(guessCapabilities(target.actual_model)), is_visible: isVisibleUnderFilters(target.actual_model, filters) ? 1 : 0,
        visibility_locked: 0, system_prompt: null, tier: null, fetched_at: null, created_at: now, updated_at: now,
      }).execute();
    }
    await transaction.insertInto('model_aliases').values({
      alias, model_id: model.id, display_name: target.display_name ?? null, description: target.description ?? null, created_at: now,
    }).execute();
  }
}

/**
 * Imports a legacy `providers.json` into an instance that has no providers yet (first start); does nothing
 * once any instance provider exists, so admin edits are never overwritten. All or nothing.
 * @throws ValidationError listing every problem of an invalid file.
 */
export async function importProvidersFile(deps: ProvidersDeps, path: string): Promise<{ imported: number; skipped: boolean }> {
  if ((await deps.providersRepository.countInScope(null)) > 0) return { imported: 0, skipped: true };
  const file = await readProvidersFile(path);
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (transaction) => {
    for (const entry of file.providers) await insertProvider(deps, transaction, entry, now);
  });
  deps.logger.info({ providers: file.providers.length }, 'imported providers file');
  return { imported: file.providers.length, skipped: false };
}
