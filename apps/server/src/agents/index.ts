import { createEngine, type Engine } from '@claraverse/engine';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CounterStore } from '../platform/counters/counter-store.js';
import type { Cipher } from '../platform/crypto/cipher.js';
import type { Database } from '../platform/database/tables.js';
import type { RouteSpec } from '../platform/http/define-route.js';
import type { Logger } from '../platform/logging/logger.js';
import type { RealtimeHub } from '../platform/realtime/realtime-hub.js';
import { createAgentRunsService } from './runs/agent-runs.service.js';
import { createAgentBuilder } from './builder/index.js';
import type { RegisteredTool } from '../tools/tool-registry.js';
import { createAgentModels } from './as-tools/agent-models.js';
import { createAgentsToolSource } from './as-tools/agents-tool-source.js';
import { createAgentsRepository } from './agents.repository.js';
import { agentsRoutes } from './agents.routes.js';
import { createAgentsService } from './agents.service.js';
import { createEnginePorts, type EnginePortsDeps } from './runs/engine-ports.js';
import { createExecutionsRepository } from './runs/executions.repository.js';
import { executionsRoutes } from './runs/executions.routes.js';
import { createExecutionsService } from './runs/executions.service.js';
import { createCompletionCallback } from './triggers/completion-callback.js';
import { createAgentWebhookSecrets } from './triggers/webhook-signature.js';
import type { CheckUpload } from './runs/run-guards.js';
import { createSchedulesRepository } from './triggers/schedules.repository.js';
import { schedulesRoutes } from './triggers/schedules.routes.js';
import { createSchedulesService } from './triggers/schedules.service.js';
import { triggerRoutes } from './triggers/trigger.routes.js';
import { registerInboundWebhookRoute, webhooksRoutes } from './triggers/webhooks.routes.js';
import { createWebhooksService } from './triggers/webhooks.service.js';
import { createTriggerService, type AuthenticateApiKey } from './triggers/trigger.service.js';
import { registerWorkflowSocket } from './runs/workflow.socket.js';

export interface AgentsModuleDeps {
  db: Kysely<Database>;
  /** Seals webhook signing secrets. */
  cipher: Cipher;
  logger: Logger;
  now: () => Date;
  hub: RealtimeHub;
  /** What the engine's ports use (models, tools, credentials, HTTP, sandbox); `runAgent` and the agents' webhook secrets come from this module. */
  ports: Omit<EnginePortsDeps, 'runAgent' | 'agentWebhookSecret'>;
  /** The api-keys service's `authenticate` (trigger routes). */
  authenticateApiKey: AuthenticateApiKey;
  /** How long `POST /api/trigger/:id?wait=true` waits before answering 202. Default 30 s. */
  triggerWaitTimeoutMs?: number;
  /** Tier limits (LIMITS_ENABLED): active schedules and executions per day per user, retention. */
  limitsEnabled: boolean;
  /** Where the daily execution counts live (memory, or Redis in scale-out mode). */
  counters: CounterStore;
  /** How often due schedules are looked for. Default 30 s. */
  scheduleIntervalMs?: number;
  /** The files domain's check that an upload named by a file input is the user's and live (runs of `file` start blocks). */
  checkUpload?: CheckUpload;
  /**
   * The agent builder's catalogue: every non-interactive tool (integration tools without a credential too, for
   * "Setup required"), integrations by id (undefined when the instance does not offer one), and AI requests per
   * user and minute (-1 = unlimited). Default: the engine's usable tools, 20 per minute.
   */
  builder?: { listTools(userId: string): Promise<RegisteredTool[]>; integrationOf(integrationId: string): { name: string; category: string } | undefined; rateLimitPerMinute: number };
}

/** Active schedules per user when limits are on (the reference's default tier, pro). */
const maxActiveSchedules = 50;
/** Top-level runs per user per day when limits are on (reference §8.2, pro tier). */
const maxExecutionsPerDay = 1_000;
/** Days executions are kept when limits are on (reference §8.2); checked at start and then daily. */
const retentionDays = 30;

/**
 * The agents domain (issue 6): agents and workflows, the engine bound to the server's ports, runs and their
 * history (30-day retention when limits are on), `WS /ws/workflow`, the API trigger, schedules and webhooks.
 */
export function createAgentsModule(deps: AgentsModuleDeps) {
  const agentsRepository = createAgentsRepository(deps.db);
  const executionsRepository = createExecutionsRepository(deps.db);
  // The engine and the run service refer to each other (sub_agent blocks run agents); the port is called only
  // during runs, after both exist.
  const agentWebhookSecret = createAgentWebhookSecrets({ db: deps.db, cipher: deps.cipher });
  const engine: Engine = createEngine({
    ports: createEnginePorts({ ...deps.ports, agentWebhookSecret, runAgent: (request, signal) => runs.runChild(request, signal, 'manual') }),
  });
  const runs = createAgentRunsService({
    engine, agentsRepository, executionsRepository, logger: deps.logger, now: deps.now, counters: deps.counters,
    maxExecutionsPerDay: deps.limitsEnabled ? maxExecutionsPerDay : -1,
    onRunRecorded: createCompletionCallback({ agentWebhookSecret, http: deps.ports.http, logger: deps.logger, now: deps.now }),
    ...(deps.checkUpload ? { checkUpload: deps.checkUpload } : {}),
  });
  const agentsService = createAgentsService({ agentsRepository, engine, now: deps.now });
  const executionsService = createExecutionsService({ agentsRepository, executionsRepository });
  const triggerService = createTriggerService({ authenticate: deps.authenticateApiKey, runs, executions: executionsService, waitTimeoutMs: deps.triggerWaitTimeoutMs ?? 30_000 });
  const schedulesService = createSchedulesService({
    schedulesRepository: createSchedulesRepository(deps.db), agentsRepository, runs, logger: deps.logger, now: deps.now,
    maxActivePerUser: deps.limitsEnabled ? maxActiveSchedules : -1,
  });
  const webhooksService = createWebhooksService({ db: deps.db, cipher: deps.cipher, agentsRepository, runs, now: deps.now });
  const builder = createAgentBuilder({
    db: deps.db, cipher: deps.cipher, now: deps.now, agentsRepository, agentsService, engine, counters: deps.counters,
    model: { llmClient: deps.ports.llmClient, resolveModel: deps.ports.resolveModel, listUserModels: deps.ports.listUserModels },
    tools: {
      listTools: deps.builder?.listTools ?? deps.ports.listTools,
      integrationOf: deps.builder?.integrationOf ?? ((integrationId) => ({ name: integrationId, category: 'integrations' })),
      credentialIntegrations: deps.ports.credentialIntegrations,
    },
    rateLimitPerMinute: deps.builder?.rateLimitPerMinute ?? 20,
  });
  let retentionTimer: NodeJS.Timeout | undefined;
  const routes: RouteSpec[] = [
    ...agentsRoutes({ agentsService }), ...executionsRoutes({ executionsService }), ...triggerRoutes({ triggerService }), ...schedulesRoutes({ schedulesService }),
    ...webhooksRoutes({ webhooksService }),
    ...builder.routes,
  ];
  return {
    routes,
    agentsService,
    runs,
    schedules: schedulesService,
    /** The user's active agents as the tool registry's dynamic tools `agent_<slug>` (chat). */
    toolSource: createAgentsToolSource({ agentsRepository, runs }),
    /** The user's agents as OpenAI-compatible models `agent:<id>` (`/v1`). */
    agentModels: createAgentModels({ agentsRepository, runs }),
    /** `WS /ws/workflow` and the raw-body `POST /api/hooks/:hookId`. */
    registerSocket(app: FastifyInstance): void {
      registerWorkflowSocket(app, { hub: deps.hub, runs });
      registerInboundWebhookRoute(app, { webhooksService });
    },
    /** Registers this process as a runner, fails runs of stopped processes (`interrupted`), starts the schedule loop. */
    async start(): Promise<void> {
      await runs.startRunner();
      schedulesService.start(deps.scheduleIntervalMs ?? 30_000);
      if (deps.limitsEnabled) {
        const purge = () => void runs.deleteOlderThan(retentionDays).catch((error: unknown) => deps.logger.error({ err: error }, 'execution retention failed'));
        purge();
        retentionTimer = setInterval(purge, 86_400_000);
        retentionTimer.unref();
      }
    },
    /** Stops the schedule loop, cancels this process's runs and waits until they are recorded. */
    async stop(): Promise<void> {
      clearInterval(retentionTimer);
      await schedulesService.stop();
      await runs.stopAll();
    },
  };
}
export type AgentsModule = ReturnType<typeof createAgentsModule>;
