import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest. Each user's data is sealed with a key derived from the master key and the user id
 * (HKDF-SHA256), AES-256-GCM with a fresh 12-byte nonce per record, and the record id bound as additional
 * data so a ciphertext cannot be moved to another record. Output: `v1:<base64url(nonce|ciphertext|tag)>`.
 */
export interface Cipher {
  encrypt(plaintext: string, scope: CipherScope): string;
  /** @throws Error when the envelope is unknown, tampered with, or sealed for another scope. */
  decrypt(envelope: string, scope: CipherScope): string;
}

/** Whose key seals the value (`userId`, or `'instance'` for instance-wide secrets) and which record it belongs to. */
export interface CipherScope {
  userId: string;
  recordId: string;
}

const hkdfInfo = Buffer.from('claraverse-user-encryption-v1');

/** Creates the v1 AES-256-GCM cipher over a 32-byte master key. */
export function createAes256GcmCipher(masterKey: Buffer): Cipher {
  if (masterKey.length !== 32) throw new Error('The encryption master key must be 32 bytes (64 hex characters)');
  const keyCache = new Map<string, Buffer>();
  const keyFor = (userId: string): Buffer => {
    let key = keyCache.get(userId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(userId, 'utf8'), hkdfInfo, 32));
      if (keyCache.size > 10_000) keyCache.clear();
      keyCache.set(userId, key);
    }
    return key;
  };
  return {
    encrypt(plaintext, scope) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(scope.userId), nonce);
      cipher.setAAD(Buffer.from(scope.recordId, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(envelope, scope) {
      if (!envelope.startsWith('v1:')) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(envelope.slice(3), 'base64url');
      if (raw.length < 12 + 16) throw new Error('Ciphertext too short');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(scope.userId), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(scope.recordId, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}
