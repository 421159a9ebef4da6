import type { Cipher } from '../platform/crypto/cipher.js';
import type { ProviderRow } from '../platform/database/tables.js';
import { AppError } from '../platform/errors/app-error.js';
import type { LlmTarget } from './llm/llm-client.js';

/** Instance keys are sealed with the instance key, BYOK keys with their owner's; both bound to the provider id. */
export function cipherScopeOf(provider: Pick<ProviderRow, 'id' | 'owner_user_id'>) {
  return { userId: provider.owner_user_id ?? 'instance', recordId: provider.id };
}

/** The decrypted key of a provider, or null when it has none. */
export function decryptApiKey(cipher: Cipher, provider: ProviderRow): string | null {
  if (provider.api_key_ciphertext === null) return null;
  try {
    return cipher.decrypt(provider.api_key_ciphertext, cipherScopeOf(provider));
  } catch {
    throw new AppError('conflict', `The stored API key of provider "${provider.name}" cannot be read (was the encryption key changed?); enter the key again`);
  }
}

/** Where requests to this provider go (no model yet). */
export function providerTarget(cipher: Cipher, provider: ProviderRow): Omit<LlmTarget, 'model'> {
  return { kind: provider.kind, baseUrl: provider.base_url, apiKey: decryptApiKey(cipher, provider) };
}
