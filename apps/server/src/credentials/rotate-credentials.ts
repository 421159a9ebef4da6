import type { AuditService } from '../audit/audit.service.js';
import type { KeyRing } from '../platform/crypto/key-ring.js';
import { createCredentialSeal } from './credential-seal.js';
import type { CredentialsRepository } from './credentials.repository.js';

export interface RotationReport {
  /** Credentials in the database. */
  total: number;
  /** Re-encrypted with the current key by this run. */
  rotated: number;
  /** Already sealed with the current key (before or, by a concurrent update, during this run). */
  alreadyCurrent: number;
  /** Left as they were: sealed with a key the instance does not have, or not decrypting. */
  failed: Array<{ id: string; reason: string }>;
}

/**
 * Re-encrypts every credential sealed with an older master key with the current one (after the administrator
 * set a new `ENCRYPTION_MASTER_KEY` and moved the old one to `ENCRYPTION_PREVIOUS_MASTER_KEYS`). Reads in
 * batches; a record changed meanwhile keeps its new value. Safe to run again: it only touches older records.
 */
export async function rotateCredentials(deps: {
  repository: CredentialsRepository;
  keyRing: KeyRing;
  auditService?: AuditService;
  batchSize?: number;
}): Promise<RotationReport> {
  const seal = createCredentialSeal(deps.keyRing);
  const total = await deps.repository.countAll();
  const report: RotationReport = { total, rotated: 0, alreadyCurrent: 0, failed: [] };
  let afterId = '';
  for (;;) {
    const rows = await deps.repository.listSealedWithOtherKey(deps.keyRing.currentKeyId, afterId, deps.batchSize ?? 100);
    if (rows.length === 0) break;
    for (const row of rows) {
      const from = { encryptedData: row.encrypted_data, keyId: row.key_id };
      try {
        const values = seal.open({ userId: row.user_id, id: row.id, ...from });
        const wasReplaced = await deps.repository.reseal(row.id, from, seal.seal(values, { userId: row.user_id, id: row.id }));
        if (wasReplaced) report.rotated += 1;
      } catch (error) {
        report.failed.push({ id: row.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    afterId = rows[rows.length - 1]!.id;
  }
  report.alreadyCurrent = total - report.rotated - report.failed.length;
  await deps.auditService?.record({
    actorUserId: null, action: 'credentials.rotated', targetType: 'credential',
    details: { keyId: deps.keyRing.currentKeyId, total, rotated: report.rotated, failed: report.failed.length },
  });
  return report;
}
