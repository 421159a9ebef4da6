import { randomUUID } from 'node:crypto';
import {
  builderConversationContentMaxLength, builderConversationMaxMessages,
  type AppendBuilderMessageBody, type BuilderConversation, type BuilderConversationMessage, type BuilderConversationSummary,
} from '@claraverse/shared';
import type { Cipher } from '../../platform/crypto/cipher.js';
import type { AgentBuilderConversationRow } from '../../platform/database/tables.js';
import { AppError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { BuilderTurn } from './builder-model.js';
import type { BuilderConversationsRepository } from './builder-conversations.repository.js';

export interface BuilderConversationsDeps {
  repository: BuilderConversationsRepository;
  agentsRepository: Pick<AgentsRepository, 'findOfUser'>;
  /** Seals the messages with the owner's key (the key-ring cipher credentials' neighbours use). */
  cipher: Cipher;
  now: () => Date;
}

/** How many earlier messages a generator or Ask request gives the model as context. */
const historyForModel = 20;
/** Attempts of an append that lost a race with another append. */
const appendAttempts = 5;

const scopeOf = (row: { user_id: string; id: string }) => ({ userId: row.user_id, recordId: `builder-conversation:${row.id}` });

/**
 * Builder conversations of an agent (reference §1.5, §3.1): messages sealed at rest per user and record, only the
 * owner's agent's conversations are visible (else "not found"), at most 200 messages (the oldest dropped), each
 * at most 50,000 characters. They are deleted with the agent.
 */
export function createBuilderConversationsService(deps: BuilderConversationsDeps) {
  const { repository } = deps;

  const assertAgent = async (userId: string, agentId: string): Promise<void> => {
    if (!(await deps.agentsRepository.findOfUser(userId, agentId))) throw new NotFoundError('agent', agentId);
  };

  const open = (row: AgentBuilderConversationRow): BuilderConversationMessage[] => {
    try {
      return JSON.parse(deps.cipher.decrypt(row.sealed_messages, scopeOf(row))) as BuilderConversationMessage[];
    } catch {
      throw new AppError('conflict', `Builder conversation ${row.id} could not be decrypted (the instance's master key changed); start a new conversation.`);
    }
  };
  const seal = (row: { user_id: string; id: string }, messages: BuilderConversationMessage[]) => deps.cipher.encrypt(JSON.stringify(messages), scopeOf(row));

  const present = (row: AgentBuilderConversationRow, messages = open(row)): BuilderConversation => ({
    id: row.id, agentId: row.agent_id, messages, createdAt: row.created_at, updatedAt: row.updated_at,
  });

  const rowOf = async (userId: string, agentId: string, id: string): Promise<AgentBuilderConversationRow> => {
    await assertAgent(userId, agentId);
    const row = await repository.find(userId, agentId, id);
    if (!row) throw new NotFoundError('builder conversation', id);
    return row;
  };

  const create = async (userId: string, agentId: string): Promise<BuilderConversation> => {
    const now = deps.now().toISOString();
    const base = { id: randomUUID(), agent_id: agentId, user_id: userId };
    const row: AgentBuilderConversationRow = { ...base, sealed_messages: seal(base, []), message_count: 0, revision: 0, created_at: now, updated_at: now };
    await repository.insert(row);
    return present(row, []);
  };

  return {
    async list(userId: string, agentId: string): Promise<{ conversations: BuilderConversationSummary[] }> {
      await assertAgent(userId, agentId);
      const rows = await repository.list(userId, agentId);
      return { conversations: rows.map((row) => ({ id: row.id, agentId: row.agent_id, messageCount: row.message_count, createdAt: row.created_at, updatedAt: row.updated_at })) };
    },

    async create(userId: string, agentId: string): Promise<BuilderConversation> {
      await assertAgent(userId, agentId);
      return create(userId, agentId);
    },

    /** The most recently changed conversation, or a new one. */
    async current(userId: string, agentId: string): Promise<BuilderConversation> {
      await assertAgent(userId, agentId);
      const row = await repository.findLatest(userId, agentId);
      return row ? present(row) : create(userId, agentId);
    },

    get: async (userId: string, agentId: string, id: string): Promise<BuilderConversation> => present(await rowOf(userId, agentId, id)),

    async remove(userId: string, agentId: string, id: string): Promise<void> {
      await assertAgent(userId, agentId);
      if ((await repository.delete(userId, agentId, id)) === 0) throw new NotFoundError('builder conversation', id);
    },

    /** Appends one message (the oldest dropped beyond 200). @throws NotFoundError, ConflictError after repeated races */
    async append(userId: string, agentId: string, id: string, body: AppendBuilderMessageBody): Promise<BuilderConversationMessage> {
      const message: BuilderConversationMessage = {
        id: randomUUID(), role: body.role, content: body.content.slice(0, builderConversationContentMaxLength), createdAt: deps.now().toISOString(),
        ...(body.workflowSnapshot ? { workflowSnapshot: body.workflowSnapshot } : {}),
      };
      for (let attempt = 0; attempt < appendAttempts; attempt += 1) {
        const row = await rowOf(userId, agentId, id);
        const messages = [...open(row), message].slice(-builderConversationMaxMessages);
        const saved = await repository.update(row.id, row.revision, { sealed_messages: seal(row, messages), message_count: messages.length, updated_at: message.createdAt });
        if (saved) return message;
      }
      throw new ConflictError('The conversation changed too often meanwhile; send the message again');
    },

    /** The last messages of a conversation as model turns (generator and Ask context). @throws NotFoundError */
    async history(userId: string, agentId: string, id: string): Promise<BuilderTurn[]> {
      const messages = open(await rowOf(userId, agentId, id));
      return messages.slice(-historyForModel).map((message) => ({ role: message.role, content: message.content }));
    },
  };
}
export type BuilderConversationsService = ReturnType<typeof createBuilderConversationsService>;
