import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAes256GcmCipher } from './cipher.js';
import { createArgon2PasswordHasher } from './password-hasher.js';
import { randomToken, safeEqual, sha256Hex } from './tokens.js';

describe('AES-256-GCM cipher', () => {
  const cipher = createAes256GcmCipher(randomBytes(32));
  const scope = { userId: 'user-1', recordId: 'record-1' };

  it('round-trips and uses a fresh nonce each time', () => {
    const first = cipher.encrypt('sk-secret-value', scope);
    const second = cipher.encrypt('sk-secret-value', scope);
    expect(first).toMatch(/^v1:/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('sk-secret');
    expect(cipher.decrypt(first, scope)).toBe('sk-secret-value');
  });

  it('refuses another user, another record, a tampered envelope and an unknown version', () => {
    const envelope = cipher.encrypt('value', scope);
    expect(() => cipher.decrypt(envelope, { ...scope, userId: 'user-2' })).toThrow();
    expect(() => cipher.decrypt(envelope, { ...scope, recordId: 'record-2' })).toThrow();
    const raw = Buffer.from(envelope.slice(3), 'base64url');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64url')}`, scope)).toThrow();
    expect(() => cipher.decrypt(envelope.replace('v1:', 'v9:'), scope)).toThrow(/version/);
    expect(() => createAes256GcmCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('Argon2id password hasher', () => {
  it('produces PHC strings with the production cost (t=3, 64 MiB, p=4) and verifies them', async () => {
    const hasher = createArgon2PasswordHasher({ timeCost: 3, memoryKiB: 65_536, parallelism: 4 });
    const phc = await hasher.hash('correct horse battery staple');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    expect(await hasher.verify(phc, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(phc, 'Correct horse battery staple')).toBe(false);
    expect(await hasher.verify('not a hash', 'anything')).toBe(false);
    expect(await hasher.verifyAgainstDummy('anything')).toBe(false);
  });
});

describe('tokens', () => {
  it('makes 256-bit random tokens, hashes them and compares in constant time', () => {
    const token = randomToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(token);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('same', 'same')).toBe(true);
    expect(safeEqual('same', 'diff')).toBe(false);
    expect(safeEqual('short', 'longer one')).toBe(false);
  });
});
