import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { IntegrationDirectory } from '../integrations/integration-directory.js';
import type { KeyRing } from '../platform/crypto/key-ring.js';
import type { Database } from '../platform/database/tables.js';
import type { RouteSpec } from '../platform/http/define-route.js';
import type { Logger } from '../platform/logging/logger.js';
import type { ToolContext } from '../tools/define-tool.js';
import { createCredentialResolver } from './credential-resolver.js';
import { createCredentialSeal } from './credential-seal.js';
import { credentialsRoutes } from './credentials.routes.js';
import { createCredentialsRepository } from './credentials.repository.js';
import { createCredentialsService } from './credentials.service.js';
import { createUsableToolsFilter } from './usable-tools-filter.js';

export type { CredentialsService } from './credentials.service.js';

export interface CredentialsModuleDeps {
  db: Kysely<Database>;
  keyRing: KeyRing;
  directory: IntegrationDirectory;
  auditService: AuditService;
  logger: Logger;
  now: () => Date;
  /** The SSRF-guarded client and base-URL map credential tests use (the same as tools'). */
  http: ToolContext['http'];
  serviceUrl: ToolContext['serviceUrl'];
  /** Composio's actions port, read when a test runs (it is built after this module). */
  composio?: () => ToolContext['composio'];
  /** How long `POST /api/credentials/:id/test` may take, milliseconds. */
  testTimeoutMs: number;
}

/**
 * The credentials domain: the service and routes, the narrow resolver tool calls get their credential through
 * (`credentialsFor`, for the tool context factory) and the tool registry's filter of usable tools.
 */
export function createCredentialsModule(deps: CredentialsModuleDeps) {
  const repository = createCredentialsRepository(deps.db);
  const seal = createCredentialSeal(deps.keyRing);
  const usableTools = createUsableToolsFilter({ repository, directory: deps.directory });
  const service = createCredentialsService({
    repository, seal, directory: deps.directory, auditService: deps.auditService, now: deps.now,
    testPorts: {
      http: deps.http, serviceUrl: deps.serviceUrl, logger: deps.logger, timeoutMs: deps.testTimeoutMs,
      ...(deps.composio ? { composio: deps.composio } : {}),
    },
    onChanged: (userId) => usableTools.forget(userId),
  });
  const routes: RouteSpec[] = credentialsRoutes({ credentialsService: service });
  return {
    service,
    routes,
    credentialsFor: createCredentialResolver({ repository, seal, directory: deps.directory, now: deps.now }),
    usableFilter: (userId: string) => usableTools.filterFor(userId),
  };
}
export type CredentialsModule = ReturnType<typeof createCredentialsModule>;
