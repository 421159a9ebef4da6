import type { ModelRow, ProviderRow } from '../platform/database/tables.js';
import { AppError } from '../platform/errors/app-error.js';
import type { LlmTarget } from './llm/llm-client.js';
import { readFlags } from './present-provider.js';
import { providerTarget } from './provider-secrets.js';
import type { ProvidersDeps } from './providers.service.js';

/** The provider flags that mark a provider as a media endpoint rather than a chat one. */
export type MediaProviderFlag = 'imageOnly' | 'imageEditOnly' | 'audioOnly';

/** A media provider a user may call, with the model to ask for. */
export interface MediaProvider {
  providerId: string;
  providerName: string;
  /** Decrypted key included: never log or return it. */
  target: LlmTarget;
}

function byTierThenName(left: ModelRow, right: ModelRow): number {
  return (left.tier ?? 99) - (right.tier ?? 99) || left.name.localeCompare(right.name);
}

/**
 * The provider a user's media request goes to: the first enabled provider carrying `flag` among the user's own
 * (when bring-your-own-key is on; they added them on purpose) and then the instance's, by name; the model is the
 * provider's first visible one (by tier, then name). Resolves null when no provider has the flag.
 * @throws AppError `service_unavailable` when providers have the flag but none has a visible model
 */
export async function findMediaProvider(deps: ProvidersDeps, userId: string, flag: MediaProviderFlag): Promise<MediaProvider | null> {
  const isByokEnabled = await deps.isByokEnabled();
  const rows = await deps.providersRepository.listEnabledForUser(isByokEnabled ? userId : null);
  const candidates = rows
    .filter((row) => readFlags(row.flags)[flag])
    .sort((left, right) => Number(right.owner_user_id !== null) - Number(left.owner_user_id !== null));
  for (const provider of candidates) {
    const models = (await deps.modelsRepository.listByProvider(provider.id)).filter((model) => model.is_visible === 1).sort(byTierThenName);
    const [model] = models;
    if (model !== undefined) return present(deps, provider, model);
  }
  const [first] = candidates;
  if (first === undefined) return null;
  throw new AppError('service_unavailable', `The provider "${first.name}" has no visible model to call; an administrator can fetch its models or show one in Admin → Providers`);
}

function present(deps: ProvidersDeps, provider: ProviderRow, model: ModelRow): MediaProvider {
  return { providerId: provider.id, providerName: provider.name, target: { ...providerTarget(deps.cipher, provider), model: model.name } };
}
