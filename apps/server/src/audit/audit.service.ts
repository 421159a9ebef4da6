import { randomUUID } from 'node:crypto';
import type { Logger } from '../platform/logging/logger.js';
import type { AuditEntry, AuditRepository } from './audit.repository.js';

/**
 * Records admin actions, sign-ins and other security events. A failed write is logged and never breaks the
 * action that is being audited.
 */
export function createAuditService(deps: { auditRepository: AuditRepository; logger: Logger; now: () => Date }) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      try {
        await deps.auditRepository.insert({ ...entry, id: randomUUID(), createdAt: deps.now().toISOString() });
      } catch (error) {
        deps.logger.error({ err: error, action: entry.action }, 'audit write failed');
      }
    },
    list: deps.auditRepository.list,
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
