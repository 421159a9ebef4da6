import type { CredentialValues } from '../integrations/define-integration.js';
import type { KeyRing } from '../platform/crypto/key-ring.js';
import { AppError } from '../platform/errors/app-error.js';

/** The cipher scope of a credential's values: the owner's key, the record id as additional data. */
const scopeOf = (userId: string, id: string) => ({ userId, recordId: `credential:${id}` });

/**
 * Seals and opens a credential's values with the key ring: new values with the current master key, old ones with
 * the key that sealed them (`key_id`), so credentials keep working between a key rotation and its re-encryption.
 */
export function createCredentialSeal(keyRing: KeyRing) {
  return {
    seal(values: CredentialValues, record: { userId: string; id: string }): { encryptedData: string; keyId: string } {
      return { encryptedData: keyRing.current.encrypt(JSON.stringify(values), scopeOf(record.userId, record.id)), keyId: keyRing.currentKeyId };
    },

    /**
     * @throws AppError `conflict` when the sealing key is unknown here or the ciphertext does not open (the
     * message names what to do, never a value).
     */
    open(record: { userId: string; id: string; encryptedData: string; keyId: string }): Record<string, string> {
      const cipher = keyRing.cipherFor(record.keyId);
      if (!cipher) {
        throw new AppError(
          'conflict',
          `Credential ${record.id} was sealed with a master key this instance does not have (key ${record.keyId}); add it to ENCRYPTION_PREVIOUS_MASTER_KEYS or enter the credential again.`,
        );
      }
      try {
        return JSON.parse(cipher.decrypt(record.encryptedData, scopeOf(record.userId, record.id))) as Record<string, string>;
      } catch {
        throw new AppError('conflict', `Credential ${record.id} could not be decrypted; enter it again.`);
      }
    },
  };
}
export type CredentialSeal = ReturnType<typeof createCredentialSeal>;
