import { pathToFileURL } from 'node:url';
import { createAuditRepository } from '../audit/audit.repository.js';
import { createAuditService } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { createKeyRing } from '../platform/crypto/key-ring.js';
import { createDatabase } from '../platform/database/database.js';
import { migrateToLatest } from '../platform/database/migrate.js';
import { createLogger } from '../platform/logging/logger.js';
import { createCredentialsRepository } from './credentials.repository.js';
import { rotateCredentials } from './rotate-credentials.js';

/**
 * `npm run rotate-credentials`: re-encrypts every credential with the current `ENCRYPTION_MASTER_KEY`, opening
 * older ones with `ENCRYPTION_PREVIOUS_MASTER_KEYS`, and prints the counts. Exit code 0 when every credential is
 * sealed with the current key afterwards, 1 when some could not be opened (they are listed).
 */
export async function runRotateCredentials(config: Config, write: (line: string) => void): Promise<number> {
  const logger = createLogger(config.logging.level === 'info' ? 'warn' : config.logging.level);
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database.db as never, logger, config.database.dialect === 'postgres' ? (config.database.schema ?? 'public') : undefined);
    const keyRing = createKeyRing(config.crypto.masterKey, config.crypto.previousMasterKeys);
    const auditService = createAuditService({ auditRepository: createAuditRepository(database.db), logger, now: () => new Date() });
    const report = await rotateCredentials({ repository: createCredentialsRepository(database.db), keyRing, auditService });
    write(`Current key ${keyRing.currentKeyId}: ${report.total} credentials, ${report.rotated} re-encrypted, ${report.alreadyCurrent} already current, ${report.failed.length} failed.`);
    for (const failure of report.failed) write(`  ${failure.id}: ${failure.reason}`);
    return report.failed.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await runRotateCredentials(loadConfig(), (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = error instanceof ConfigError ? 78 : 1;
  }
}
