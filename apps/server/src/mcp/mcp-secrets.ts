import { maskedSecretValue } from '@claraverse/shared';
import type { Cipher } from '../platform/crypto/cipher.js';
import { AppError, ValidationError } from '../platform/errors/app-error.js';

/** `env` (stdio environment) or `header` (http request headers): both are secret maps. */
export type SecretKind = 'env' | 'header';

/** Each value is sealed with the instance key and bound to its server, kind and name, so it cannot be moved. */
const scopeOf = (serverId: string, kind: SecretKind, name: string) => ({ userId: 'instance', recordId: `mcp-server:${serverId}:${kind}:${name}` });

const readStored = (json: string): Record<string, string> => JSON.parse(json) as Record<string, string>;

/**
 * Seals `values` for storage (JSON `{ name: envelope }`). A value equal to the mask keeps the stored
 * envelope of that name.
 * @throws ValidationError when the mask is sent for a name that has no stored value
 */
export function sealSecrets(cipher: Cipher, serverId: string, kind: SecretKind, values: Record<string, string>, storedJson = '{}'): string {
  const stored = readStored(storedJson);
  const sealed: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === maskedSecretValue) {
      const previous = stored[name];
      if (previous === undefined) {
        const field = kind === 'env' ? 'env' : 'headers';
        throw new ValidationError(`There is no stored value of ${kind === 'env' ? 'variable' : 'header'} "${name}" to keep; enter its value`, [{ path: `${field}.${name}`, message: 'Enter the value' }]);
      }
      sealed[name] = previous;
    } else {
      sealed[name] = cipher.encrypt(value, scopeOf(serverId, kind, name));
    }
  }
  return JSON.stringify(sealed);
}

/**
 * The stored values in clear, to start or reach the server.
 * @throws AppError `conflict` when a value cannot be decrypted (the master key changed)
 */
export function openSecrets(cipher: Cipher, serverId: string, kind: SecretKind, storedJson: string): Record<string, string> {
  const opened: Record<string, string> = {};
  for (const [name, envelope] of Object.entries(readStored(storedJson))) {
    try {
      opened[name] = cipher.decrypt(envelope, scopeOf(serverId, kind, name));
    } catch {
      throw new AppError('conflict', `The stored value of ${kind === 'env' ? 'variable' : 'header'} "${name}" cannot be read (was the encryption key changed?); enter it again`);
    }
  }
  return opened;
}

/** Names with masked values, for the API. */
export function maskSecrets(storedJson: string): Record<string, string> {
  return Object.fromEntries(Object.keys(readStored(storedJson)).map((name) => [name, maskedSecretValue]));
}
