import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAes256GcmCipher } from './cipher.js';
import { createKeyRing, createKeyRingCipher, masterKeyId } from './key-ring.js';

const scope = { userId: 'u1', recordId: 'provider:p1' };

describe('createKeyRing', () => {
  it('knows the current key and the previous ones by fingerprint, and no other', () => {
    const [current, previous, unknown] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const ring = createKeyRing(current, [previous]);
    expect(ring.currentKeyId).toBe(masterKeyId(current));
    const sealed = createAes256GcmCipher(previous).encrypt('secret', scope);
    expect(ring.cipherFor(masterKeyId(previous))?.decrypt(sealed, scope)).toBe('secret');
    expect(ring.cipherFor(masterKeyId(unknown))).toBeUndefined();
    expect(ring.current.decrypt(ring.current.encrypt('new', scope), scope)).toBe('new');
  });
});

describe('createKeyRingCipher', () => {
  it('seals with the current key and opens what a previous key sealed', () => {
    const [current, previous] = [randomBytes(32), randomBytes(32)];
    const cipher = createKeyRingCipher(current, [previous]);
    expect(cipher.decrypt(createAes256GcmCipher(previous).encrypt('old secret', scope), scope)).toBe('old secret');
    expect(createAes256GcmCipher(current).decrypt(cipher.encrypt('new secret', scope), scope)).toBe('new secret');
  });

  it('still refuses a value of another scope or an unknown key', () => {
    const [current, previous] = [randomBytes(32), randomBytes(32)];
    const cipher = createKeyRingCipher(current, [previous]);
    expect(() => cipher.decrypt(cipher.encrypt('x', scope), { ...scope, recordId: 'provider:p2' })).toThrow();
    expect(() => cipher.decrypt(createAes256GcmCipher(randomBytes(32)).encrypt('x', scope), scope)).toThrow();
  });
});
