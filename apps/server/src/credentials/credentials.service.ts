import { randomUUID } from 'node:crypto';
import type {
  CreateCredentialBody, Credential, CredentialReference, CredentialTestResponse, UpdateCredentialBody,
} from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { IntegrationDefinition } from '../integrations/define-integration.js';
import type { IntegrationDirectory } from '../integrations/integration-directory.js';
import { NotFoundError, ValidationError } from '../platform/errors/app-error.js';
import type { CredentialRow } from '../platform/database/tables.js';
import type { CredentialSeal } from './credential-seal.js';
import type { CredentialsRepository } from './credentials.repository.js';
import { maskedPreviewOf } from './mask-credential.js';
import { testCredential, type CredentialTestPorts } from './test-credential.js';
import { validateCredentialValues } from './validate-credential-values.js';

/** A credential as the API shows it: never its values. */
export function presentCredential(row: CredentialRow): Credential {
  return {
    id: row.id, name: row.name, integrationType: row.integration_type, maskedPreview: row.masked_preview,
    configuredFields: JSON.parse(row.configured_fields) as string[], usageCount: Number(row.usage_count),
    lastUsedAt: row.last_used_at, lastTestAt: row.last_test_at,
    testStatus: row.test_status === 'success' || row.test_status === 'failed' ? row.test_status : null,
    testMessage: row.test_message, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export interface CredentialsServiceDeps {
  repository: CredentialsRepository;
  seal: CredentialSeal;
  directory: IntegrationDirectory;
  auditService: AuditService;
  now: () => Date;
  /** What `/test` uses to reach the service. */
  testPorts: CredentialTestPorts;
  /** A user's set of credentials changed (create, delete): the usable-tools cache forgets them. */
  onChanged?: (userId: string) => void;
}

export interface CredentialOrigin {
  ip?: string | null;
}

/**
 * A user's credentials: values checked against their integration's fields, sealed with the user's key, shown
 * only as a masked preview; every change and test is audited (without values). Another user's id is "not found".
 */
export function createCredentialsService(deps: CredentialsServiceDeps) {
  const { repository, seal, directory } = deps;

  function integrationOf(integrationType: string): IntegrationDefinition {
    const integration = directory.find(integrationType);
    if (!integration) throw new ValidationError(`There is no integration "${integrationType}"`, [{ path: 'integrationType', message: 'Unknown integration' }]);
    const reason = directory.unavailableReason(integration);
    if (reason) throw new ValidationError(reason, [{ path: 'integrationType', message: reason }]);
    return integration;
  }

  async function rowOf(userId: string, id: string): Promise<CredentialRow> {
    const row = await repository.findOfUser(userId, id);
    if (!row) throw new NotFoundError('credential', id);
    return row;
  }

  /** The stored values an update merges over; none when they no longer open (then the update must give them all). */
  function openForMerge(row: CredentialRow): Record<string, string> | undefined {
    try {
      return seal.open({ userId: row.user_id, id: row.id, encryptedData: row.encrypted_data, keyId: row.key_id });
    } catch {
      return undefined;
    }
  }

  const audit = (userId: string, action: string, row: Pick<CredentialRow, 'id' | 'integration_type'>, origin: CredentialOrigin, details: Record<string, unknown> = {}) =>
    deps.auditService.record({
      actorUserId: userId, action, targetType: 'credential', targetId: row.id, ip: origin.ip ?? null,
      details: { integrationType: row.integration_type, ...details },
    });

  return {
    async create(userId: string, body: CreateCredentialBody, origin: CredentialOrigin = {}): Promise<Credential> {
      const integration = integrationOf(body.integrationType);
      const values = validateCredentialValues(integration, body.data);
      const id = randomUUID();
      const sealed = seal.seal(values, { userId, id });
      const at = deps.now().toISOString();
      const row: CredentialRow = {
        id, user_id: userId, integration_type: integration.id, name: body.name, encrypted_data: sealed.encryptedData, key_id: sealed.keyId,
        masked_preview: maskedPreviewOf(integration, values), configured_fields: JSON.stringify(Object.keys(values)),
        usage_count: 0, last_used_at: null, last_test_at: null, test_status: null, test_message: null, created_at: at, updated_at: at,
      };
      await repository.insert(row);
      deps.onChanged?.(userId);
      await audit(userId, 'credential.created', row, origin, { fields: Object.keys(values) });
      return presentCredential(row);
    },

    async list(userId: string, integrationType?: string): Promise<Credential[]> {
      return (await repository.listOfUser(userId, integrationType)).map(presentCredential);
    },

    async byIntegration(userId: string): Promise<Record<string, Credential[]>> {
      const grouped: Record<string, Credential[]> = {};
      for (const row of await repository.listOfUser(userId)) (grouped[row.integration_type] ??= []).push(presentCredential(row));
      return grouped;
    },

    async references(userId: string, integrationType?: string): Promise<CredentialReference[]> {
      return (await repository.listOfUser(userId, integrationType)).map((row) => ({ id: row.id, name: row.name, integrationType: row.integration_type }));
    },

    get: async (userId: string, id: string): Promise<Credential> => presentCredential(await rowOf(userId, id)),

    /** Renames and/or merges new values over the stored ones (see `validateCredentialValues`). */
    async update(userId: string, id: string, body: UpdateCredentialBody, origin: CredentialOrigin = {}): Promise<Credential> {
      const row = await rowOf(userId, id);
      const changes: Partial<CredentialRow> = { updated_at: deps.now().toISOString() };
      if (body.name !== undefined) changes.name = body.name;
      if (body.data !== undefined) {
        const integration = integrationOf(row.integration_type);
        const values = validateCredentialValues(integration, body.data, openForMerge(row));
        const sealed = seal.seal(values, { userId, id });
        Object.assign(changes, {
          encrypted_data: sealed.encryptedData, key_id: sealed.keyId, masked_preview: maskedPreviewOf(integration, values),
          configured_fields: JSON.stringify(Object.keys(values)),
          // New values make the last test's result stale.
          last_test_at: null, test_status: null, test_message: null,
        });
      }
      await repository.updateOfUser(userId, id, changes);
      const updated = { ...row, ...changes };
      await audit(userId, 'credential.updated', row, origin, {
        ...(body.name !== undefined ? { renamed: true } : {}), ...(body.data !== undefined ? { fields: Object.keys(body.data) } : {}),
      });
      return presentCredential(updated);
    },

    async remove(userId: string, id: string, origin: CredentialOrigin = {}): Promise<void> {
      const row = await rowOf(userId, id);
      if ((await repository.deleteOfUser(userId, id)) === 0) throw new NotFoundError('credential', id);
      deps.onChanged?.(userId);
      await audit(userId, 'credential.deleted', row, origin);
    },

    /** Checks the credential against the live service and stores the result (success or not). */
    async test(userId: string, id: string, origin: CredentialOrigin = {}): Promise<CredentialTestResponse> {
      const row = await rowOf(userId, id);
      const integration = integrationOf(row.integration_type);
      const values = seal.open({ userId, id, encryptedData: row.encrypted_data, keyId: row.key_id });
      const outcome = await testCredential(integration, values, deps.testPorts);
      const testedAt = deps.now().toISOString();
      await repository.updateOfUser(userId, id, {
        last_test_at: testedAt, test_status: outcome.success ? 'success' : 'failed', test_message: outcome.message.slice(0, 1000),
      });
      await audit(userId, 'credential.tested', row, origin, { success: outcome.success });
      return { ...outcome, testedAt };
    },
  };
}
export type CredentialsService = ReturnType<typeof createCredentialsService>;
