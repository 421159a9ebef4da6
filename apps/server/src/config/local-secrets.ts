import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets generated on first start when the environment gives none (never in production). */
export interface LocalSecrets {
  jwtSecret: string;
  encryptionMasterKey: string;
}

/**
 * Reads `<dataDir>/secrets.json`, creating it (mode 0600, folder 0700) with fresh random secrets if absent.
 * The file is the single source of the instance's secrets in single-machine mode: losing it signs every
 * user out and makes encrypted data unreadable, so it is kept beside the database it protects.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const path = join(dataDir, 'secrets.json');
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>;
    if (typeof parsed.jwtSecret === 'string' && typeof parsed.encryptionMasterKey === 'string') {
      return { jwtSecret: parsed.jwtSecret, encryptionMasterKey: parsed.encryptionMasterKey };
    }
    throw new Error(`${path} is missing jwtSecret or encryptionMasterKey`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('hex'),
    encryptionMasterKey: randomBytes(32).toString('hex'),
  };
  // 'wx' fails if another process created the file in the meantime; then read theirs.
  try {
    writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateLocalSecrets(dataDir);
    throw error;
  }
  chmodSync(path, 0o600);
  return secrets;
}
