import type { ChatErrorCode, ChatSendMessage, PromptAnswerMessage } from '@claraverse/shared';
import type { Logger } from '../platform/logging/logger.js';
import type { LlmClient, LlmUsage } from '../providers/llm/llm-client.js';
import type { ToolContext } from '../tools/define-tool.js';
import { predictTools } from '../tools/predict-tools.js';
import type { PromptUser, ToolFiles } from '../tools/tool-ports.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import type { ModelResolver, ResolvedChatModel } from './chat-model.js';
import { createPendingPrompts, type PendingPrompts } from './pending-prompts.js';
import { type ReplyPart, type ReplyTools, runReply, toChatError } from './run-reply.js';
import type { ReplyRelay } from './reply-relay.js';
import type { OpenResult, ReplyListener, ReplyMessage, StreamBuffer } from './stream-buffer.js';
import type { UsageRepository } from './usage.repository.js';

/** A refusal of a chat request, sent back as `chat.error` without starting a reply. */
export class ChatRequestError extends Error {
  constructor(readonly code: ChatErrorCode, message: string, readonly retryable = false) {
    super(message);
  }
}

/** What the chat needs to offer tools; absent → replies never use tools. */
export interface ChatToolsDeps {
  registry: ToolRegistry;
  /** The ports of one reply's tool calls. */
  createContext(input: { userId: string; signal: AbortSignal; promptUser: PromptUser }): ToolContext;
  maxSteps: number;
  timeoutMs: number;
  /** The most tools the predictor may pick. */
  predictorMaxTools: number;
  /** The user's tool-predictor model, when they chose one. */
  resolvePredictor(userId: string): Promise<ResolvedChatModel | null>;
  markToolsUnsupported(modelId: string): Promise<void>;
}

export interface ChatServiceDeps {
  tools?: ChatToolsDeps;
  /** Uploads: attachments of the user's messages, images tools make. */
  files?: ToolFiles;
  resolveModel: ModelResolver;
  llmClient: LlmClient;
  streamBuffer: StreamBuffer;
  /** Scale-out: carries stops and form answers to the instance running the reply. Absent on a single machine. */
  relay?: ReplyRelay | null;
  usageRepository: UsageRepository;
  logger: Logger;
  now: () => Date;
  /** Replies one user may have running at once. */
  maxConcurrentRepliesPerUser: number;
}

/** The tools of one reply: none when the chat turned them off or the model can't use them; else predicted. */
async function prepareTools(deps: ChatServiceDeps, prompts: PendingPrompts, userId: string, request: ChatSendMessage, resolved: ResolvedChatModel, signal: AbortSignal, emit: (part: ReplyPart) => void): Promise<ReplyTools | null> {
  const tools = deps.tools;
  if (!tools || request.disableTools === true || resolved.toolsUnsupported) return null;
  let list = await tools.registry.listUsable(userId, await tools.registry.listForUser(userId, { interactive: true }));
  const predictor = await tools.resolvePredictor(userId).catch(() => null);
  if (predictor && list.length > 0) {
    list = (await predictTools({ llmClient: deps.llmClient, target: predictor.target, tools: list, turns: request.messages, maxTools: tools.predictorMaxTools, signal })).tools;
  }
  const promptUser: PromptUser = (question, promptSignal) => prompts.ask({ userId, conversationId: request.conversationId, emit }, question, promptSignal);
  return {
    tools: list,
    createContext: (replySignal) => tools.createContext({ userId, signal: replySignal, promptUser }),
    maxSteps: tools.maxSteps,
    defaultTimeoutMs: tools.timeoutMs,
    markToolsUnsupported: () => tools.markToolsUnsupported(resolved.model.id),
  };
}

/** Produces one reply through `emit`; never throws. Returns the usage to record, if the model was reached. */
async function produceReply(deps: ChatServiceDeps, prompts: PendingPrompts, userId: string, request: ChatSendMessage, signal: AbortSignal, emit: (part: ReplyPart) => void): Promise<{ modelId: string; usage: LlmUsage } | null> {
  try {
    const resolved = await deps.resolveModel(userId, request.modelId);
    const tools = await prepareTools(deps, prompts, userId, request, resolved, signal, emit);
    const usage = await runReply({ userId, request, resolved, tools, files: deps.files ?? null, llmClient: deps.llmClient, signal, emit, logger: deps.logger });
    return { modelId: resolved.model.id, usage };
  } catch (error) {
    emit({ type: 'chat.error', ...toChatError(error) });
    return null;
  }
}

/**
 * Runs chat replies independently of any socket: a reply keeps going when its socket drops, its messages go
 * into the stream buffer (for resume) and to whoever listens. Nothing of the conversation is kept after the
 * buffer expires; only usage counts are stored.
 */
export function createChatService(deps: ChatServiceDeps) {
  const running = new Map<string, AbortController>();
  /** The replies of this process until they completed (shutdown waits for them). */
  const tasks = new Set<Promise<void>>();
  const keyOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const prompts = createPendingPrompts({ now: deps.now, relay: deps.relay });
  deps.relay?.listen({
    stop: (userId, conversationId) => running.get(keyOf(userId, conversationId))?.abort(),
    answer: (userId, conversationId, promptId, answer) => void prompts.answer(userId, conversationId, promptId, answer),
  });

  async function recordUsage(userId: string, modelId: string, usage: { inputTokens: number; outputTokens: number }) {
    try {
      await deps.usageRepository.add({ userId, modelId, day: deps.now().toISOString().slice(0, 10), ...usage });
    } catch (error) {
      deps.logger.error({ err: error }, 'usage write failed');
    }
  }

  return {
    /**
     * Starts a reply once its conversation is claimed (across instances in scale-out mode) and resolves
     * without waiting for it; `listener` receives every message of it (live). Resolves with its remover.
     * @throws ChatRequestError when the conversation already has a running reply or the user has too many.
     */
    async start(userId: string, request: ChatSendMessage, listener: ReplyListener): Promise<() => void> {
      const { conversationId, messageId } = request;
      const key = keyOf(userId, conversationId);
      const busy = () => new ChatRequestError('conversation_busy', 'A reply is still being written in this conversation; stop it or wait for it to finish');
      if (running.has(key)) throw busy();
      // Held while the claim is pending, so a stop that arrives meanwhile still stops this reply.
      const controller = new AbortController();
      running.set(key, controller);
      let opened: OpenResult | undefined;
      try {
        opened = await deps.streamBuffer.open(userId, conversationId, messageId, deps.maxConcurrentRepliesPerUser);
      } finally {
        if (opened !== 'opened') running.delete(key);
      }
      if (opened === 'busy') throw busy();
      if (opened === 'too_many') {
        throw new ChatRequestError('too_many_streams', `You can have ${deps.maxConcurrentRepliesPerUser} replies running at once; wait for one to finish`, true);
      }
      const unsubscribe = deps.streamBuffer.subscribe(userId, conversationId, listener);
      let seq = 0;
      const emit = (part: ReplyPart) => {
        seq += 1;
        deps.streamBuffer.append(userId, conversationId, { ...part, conversationId, messageId, seq } as ReplyMessage);
      };
      const task = produceReply(deps, prompts, userId, request, controller.signal, emit).then(async (recordable) => {
        // Released before usage is written, so a message sent right after chat.finish finds the conversation free.
        running.delete(key);
        await deps.streamBuffer.complete(userId, conversationId);
        if (recordable) await recordUsage(userId, recordable.modelId, recordable.usage);
      });
      tasks.add(task);
      void task.then(() => tasks.delete(task));
      return unsubscribe;
    },

    /** Stops the running reply of a conversation, wherever it runs (the provider sees its request closed). */
    async stop(userId: string, conversationId: string): Promise<void> {
      const controller = running.get(keyOf(userId, conversationId));
      if (controller) controller.abort();
      else await deps.relay?.stop(userId, conversationId);
    },

    /**
     * Replays a reply after `afterSeq` into `listener` and keeps it subscribed while the reply runs.
     * @throws ChatRequestError `resume_not_found`
     */
    async resume(userId: string, conversationId: string, messageId: string, afterSeq: number, listener: ReplyListener): Promise<() => void> {
      const unsubscribe = await deps.streamBuffer.resume(userId, conversationId, messageId, afterSeq, listener);
      if (!unsubscribe) throw new ChatRequestError('resume_not_found', 'This reply can no longer be resumed; send the message again');
      return unsubscribe;
    },

    /** Delivers the answer to an `ask_user` form, wherever it waits. @throws ChatRequestError when no such form waits. */
    async answerPrompt(userId: string, message: PromptAnswerMessage): Promise<void> {
      const answer = message.skipped === true ? ({ status: 'skipped' } as const) : ({ status: 'answered', answers: message.answers ?? {} } as const);
      if (prompts.answer(userId, message.conversationId, message.promptId, answer)) return;
      if (await deps.relay?.answer(userId, message.conversationId, message.promptId, answer)) return;
      throw new ChatRequestError('invalid_request', 'This question is no longer waiting for an answer');
    },

    /** Aborts every reply running here and waits (at most `graceMs`) until they have ended and been recorded (shutdown). */
    async stopAll(graceMs = 5_000): Promise<void> {
      for (const controller of running.values()) controller.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...tasks]), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
export type ChatService = ReturnType<typeof createChatService>;
