import { createEngine, type Engine } from '@claraverse/engine';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/tables.js';
import type { RouteSpec } from '../platform/http/define-route.js';
import type { Logger } from '../platform/logging/logger.js';
import type { RealtimeHub } from '../platform/realtime/realtime-hub.js';
import { createAgentRunsService } from './agent-runs.service.js';
import { createAgentsRepository } from './agents.repository.js';
import { agentsRoutes } from './agents.routes.js';
import { createAgentsService } from './agents.service.js';
import { createEnginePorts, type EnginePortsDeps } from './engine-ports.js';
import { createExecutionsRepository } from './executions.repository.js';
import { createExecutionsService } from './executions.service.js';
import { triggerRoutes } from './trigger.routes.js';
import { createTriggerService, type AuthenticateApiKey } from './trigger.service.js';
import { registerWorkflowSocket } from './workflow.socket.js';

export interface AgentsModuleDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  hub: RealtimeHub;
  /** What the engine's ports use (models, tools, HTTP, sandbox); `runAgent` is supplied by this module. */
  ports: Omit<EnginePortsDeps, 'runAgent'>;
  /** The api-keys service's `authenticate` (trigger routes). */
  authenticateApiKey: AuthenticateApiKey;
  /** How long `POST /api/trigger/:id?wait=true` waits before answering 202. Default 30 s. */
  triggerWaitTimeoutMs?: number;
}

/**
 * The agents domain (issue 6): agents and workflows, the engine bound to the server's ports, runs and their
 * history, `WS /ws/workflow` and the API trigger.
 */
export function createAgentsModule(deps: AgentsModuleDeps) {
  const agentsRepository = createAgentsRepository(deps.db);
  const executionsRepository = createExecutionsRepository(deps.db);
  // The engine and the run service refer to each other (sub_agent blocks run agents); the port is called only
  // during runs, after both exist.
  const engine: Engine = createEngine({
    ports: createEnginePorts({ ...deps.ports, runAgent: (request, signal) => runs.runChild(request, signal, 'manual') }),
  });
  const runs = createAgentRunsService({ engine, agentsRepository, executionsRepository, logger: deps.logger, now: deps.now });
  const agentsService = createAgentsService({ agentsRepository, engine, now: deps.now });
  const executionsService = createExecutionsService({ agentsRepository, executionsRepository });
  const triggerService = createTriggerService({ authenticate: deps.authenticateApiKey, runs, executions: executionsService, waitTimeoutMs: deps.triggerWaitTimeoutMs ?? 30_000 });
  const routes: RouteSpec[] = [...agentsRoutes({ agentsService, executionsService }), ...triggerRoutes({ triggerService })];
  return {
    routes,
    agentsService,
    runs,
    registerSocket: (app: FastifyInstance) => registerWorkflowSocket(app, { hub: deps.hub, runs }),
    /** Marks runs a previous process left `running` as failed (`interrupted`). Call once at start. */
    start: () => runs.failInterrupted(),
    /** Cancels this process's runs and waits until they are recorded. */
    stop: () => runs.stopAll(),
  };
}
export type AgentsModule = ReturnType<typeof createAgentsModule>;
