import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing, masterKeyId } from '../platform/crypto/key-ring.js';
import { createCredentialSeal } from './credential-seal.js';

const values = { api_key: 'sk_live_0123456789abcdef', region: 'eu-west-1' };

describe('createCredentialSeal', () => {
  const key = randomBytes(32);
  const seal = createCredentialSeal(createKeyRing(key));

  it('seals values with the current key (v1 envelope, no value in clear) and opens them again', () => {
    const sealed = seal.seal(values, { userId: 'u1', id: 'c1' });
    expect(sealed.keyId).toBe(masterKeyId(key));
    expect(sealed.encryptedData).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed.encryptedData).not.toContain('sk_live');
    expect(seal.seal(values, { userId: 'u1', id: 'c1' }).encryptedData).not.toBe(sealed.encryptedData);
    expect(seal.open({ userId: 'u1', id: 'c1', ...sealed })).toEqual(values);
  });

  it('refuses a ciphertext moved to another record or another user, or tampered with', () => {
    const sealed = seal.seal(values, { userId: 'u1', id: 'c1' });
    expect(() => seal.open({ userId: 'u1', id: 'c2', ...sealed })).toThrow('Credential c2 could not be decrypted; enter it again.');
    expect(() => seal.open({ userId: 'u2', id: 'c1', ...sealed })).toThrow(/could not be decrypted/);
    const middle = Math.floor(sealed.encryptedData.length / 2);
    const flipped = `${sealed.encryptedData.slice(0, middle)}${sealed.encryptedData[middle] === 'A' ? 'B' : 'A'}${sealed.encryptedData.slice(middle + 1)}`;
    expect(() => seal.open({ userId: 'u1', id: 'c1', encryptedData: flipped, keyId: sealed.keyId })).toThrow(/could not be decrypted/);
  });

  it('opens what a previous key sealed, and names the missing key otherwise', () => {
    const previous = randomBytes(32);
    const old = createCredentialSeal(createKeyRing(previous)).seal(values, { userId: 'u1', id: 'c1' });
    expect(createCredentialSeal(createKeyRing(key, [previous])).open({ userId: 'u1', id: 'c1', ...old })).toEqual(values);
    expect(() => seal.open({ userId: 'u1', id: 'c1', ...old })).toThrow(`sealed with a master key this instance does not have (key ${masterKeyId(previous)})`);
  });

  it('fingerprints keys without revealing them', () => {
    expect(masterKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(key)).not.toBe(masterKeyId(randomBytes(32)));
    expect(key.toString('hex')).not.toContain(masterKeyId(key));
  });
});
