import type { Engine } from '@claraverse/engine';
import type { Kysely } from 'kysely';
import type { CounterStore } from '../../platform/counters/counter-store.js';
import type { Cipher } from '../../platform/crypto/cipher.js';
import type { Database } from '../../platform/database/tables.js';
import type { RouteSpec } from '../../platform/http/define-route.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { AgentsService } from '../agents.service.js';
import { createAgentAssistant } from './agent-assistant.service.js';
import { agentBuilderRoutes } from './agent-builder.routes.js';
import { createAgentGenerator } from './agent-generator.service.js';
import { createBuilderConversationsRepository } from './builder-conversations.repository.js';
import { createBuilderConversationsService } from './builder-conversations.service.js';
import { createBuilderModel, type BuilderModelDeps } from './builder-model.js';
import { createBuilderRateLimit } from './builder-rate-limit.js';
import type { BuilderToolsDeps } from './builder-tools.js';

export interface AgentBuilderDeps {
  db: Kysely<Database>;
  cipher: Cipher;
  now: () => Date;
  agentsRepository: AgentsRepository;
  agentsService: AgentsService;
  engine: Pick<Engine, 'validate'>;
  model: BuilderModelDeps;
  tools: BuilderToolsDeps;
  counters: CounterStore;
  /** Generator, sample-input and Ask requests per user and minute; -1 = unlimited. */
  rateLimitPerMinute: number;
}

/** The agent builder (issue 6 item 2): generator, sample input, Ask mode, sealed builder conversations. */
export function createAgentBuilder(deps: AgentBuilderDeps): { routes: RouteSpec[] } {
  const conversations = createBuilderConversationsService({
    repository: createBuilderConversationsRepository(deps.db), agentsRepository: deps.agentsRepository, cipher: deps.cipher, now: deps.now,
  });
  const complete = createBuilderModel(deps.model);
  const countRequest = createBuilderRateLimit({ counters: deps.counters, perMinute: deps.rateLimitPerMinute });
  const generator = createAgentGenerator({
    agentsRepository: deps.agentsRepository, agentsService: deps.agentsService, engine: deps.engine, complete, tools: deps.tools, conversations, countRequest,
  });
  const assistant = createAgentAssistant({ agentsRepository: deps.agentsRepository, complete, tools: deps.tools, conversations, countRequest });
  return { routes: agentBuilderRoutes({ generator, assistant, conversations }) };
}
