import { createHash } from 'node:crypto';
import { createAes256GcmCipher, type Cipher } from './cipher.js';

/**
 * The master keys an instance knows: the current one seals, previous ones (after a rotation) only open what
 * they sealed until it is re-encrypted. A record stores the `keyId` of the key that sealed it.
 */
export interface KeyRing {
  /** Fingerprint of the current master key (16 hex characters; reveals nothing of the key). */
  currentKeyId: string;
  /** The cipher of the current key: everything new is sealed with it. */
  current: Cipher;
  /** The cipher of a known key by its fingerprint; undefined when the instance no longer has that key. */
  cipherFor(keyId: string): Cipher | undefined;
}

/** A short, stable fingerprint of a master key (SHA-256 of a label and the key, first 8 bytes in hex). */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update('claraverse-master-key-id-v1\0').update(masterKey).digest('hex').slice(0, 16);
}

/** A key ring over the current master key and any previous ones (`ENCRYPTION_PREVIOUS_MASTER_KEYS`). */
export function createKeyRing(currentKey: Buffer, previousKeys: readonly Buffer[] = []): KeyRing {
  const current = createAes256GcmCipher(currentKey);
  const currentKeyId = masterKeyId(currentKey);
  const ciphers = new Map<string, Cipher>([[currentKeyId, current]]);
  for (const key of previousKeys) {
    const id = masterKeyId(key);
    if (!ciphers.has(id)) ciphers.set(id, createAes256GcmCipher(key));
  }
  return { currentKeyId, current, cipherFor: (keyId) => ciphers.get(keyId) };
}

/**
 * A Cipher over the key ring for records that do not store their key id (provider API keys, MCP secrets):
 * seals with the current key, opens with the current key or, failing that, each previous key in turn. Such
 * records move to the current key when they are next saved.
 */
export function createKeyRingCipher(currentKey: Buffer, previousKeys: readonly Buffer[] = []): Cipher {
  const ciphers = [currentKey, ...previousKeys].map((key) => createAes256GcmCipher(key));
  const [current] = ciphers as [Cipher, ...Cipher[]];
  return {
    encrypt: (plaintext, scope) => current.encrypt(plaintext, scope),
    decrypt(envelope, scope) {
      let firstError: unknown;
      for (const cipher of ciphers) {
        try {
          return cipher.decrypt(envelope, scope);
        } catch (error) {
          firstError ??= error;
        }
      }
      throw firstError;
    },
  };
}
