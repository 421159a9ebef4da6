import type { ChatErrorCode, ChatSendMessage, PromptAnswerMessage } from '@claraverse/shared';
import type { Logger } from '../platform/logging/logger.js';
import type { LlmClient } from '../providers/llm/llm-client.js';
import type { ToolContext } from '../tools/define-tool.js';
import { predictTools } from '../tools/predict-tools.js';
import type { PromptUser, ToolFiles } from '../tools/tool-ports.js';
import type { ToolRegistry } from '../tools/tool-registry.js';
import type { ModelResolver, ResolvedChatModel } from './chat-model.js';
import { createPendingPrompts, type PendingPrompts } from './pending-prompts.js';
import { type ReplyPart, type ReplyTools, runReply, toChatError } from './run-reply.js';
import type { ReplyMessage, StreamBuffer } from './stream-buffer.js';
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

/**
 * Runs chat replies independently of any socket: a reply keeps going when its socket drops, its messages go
 * into the stream buffer (for resume) and to whoever listens. Nothing of the conversation is kept after the
 * buffer expires; only usage counts are stored.
 */
export function createChatService(deps: ChatServiceDeps) {
  const running = new Map<string, AbortController>();
  const keyOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const prompts = createPendingPrompts({ now: deps.now });

  async function recordUsage(userId: string, modelId: string, usage: { inputTokens: number; outputTokens: number }) {
    try {
      await deps.usageRepository.add({ userId, modelId, day: deps.now().toISOString().slice(0, 10), ...usage });
    } catch (error) {
      deps.logger.error({ err: error }, 'usage write failed');
    }
  }

  return {
    /**
     * Starts a reply and returns at once; `listener` receives every message of it (live).
     * @throws ChatRequestError when the conversation already has a running reply or the user has too many.
     */
    start(userId: string, request: ChatSendMessage, listener: (message: ReplyMessage) => void): () => void {
      const { conversationId, messageId } = request;
      if (deps.streamBuffer.isRunning(userId, conversationId)) {
        throw new ChatRequestError('conversation_busy', 'A reply is still being written in this conversation; stop it or wait for it to finish');
      }
      if (deps.streamBuffer.runningCount(userId) >= deps.maxConcurrentRepliesPerUser) {
        throw new ChatRequestError('too_many_streams', `You can have ${deps.maxConcurrentRepliesPerUser} replies running at once; wait for one to finish`, true);
      }
      deps.streamBuffer.open(userId, conversationId, messageId);
      const unsubscribe = deps.streamBuffer.subscribe(userId, conversationId, listener);
      const controller = new AbortController();
      running.set(keyOf(userId, conversationId), controller);
      let seq = 0;
      const emit = (part: ReplyPart) => {
        seq += 1;
        deps.streamBuffer.append(userId, conversationId, { ...part, conversationId, messageId, seq } as ReplyMessage);
      };
      void (async () => {
        try {
          const resolved = await deps.resolveModel(userId, request.modelId);
          const tools = await prepareTools(deps, prompts, userId, request, resolved, controller.signal, emit);
          const usage = await runReply({ userId, request, resolved, tools, files: deps.files ?? null, llmClient: deps.llmClient, signal: controller.signal, emit, logger: deps.logger });
          await recordUsage(userId, resolved.model.id, usage);
        } catch (error) {
          emit({ type: 'chat.error', ...toChatError(error) });
        } finally {
          running.delete(keyOf(userId, conversationId));
          deps.streamBuffer.complete(userId, conversationId);
        }
      })();
      return unsubscribe;
    },

    /** Stops the running reply of a conversation (the provider sees its request closed). */
    stop(userId: string, conversationId: string): boolean {
      const controller = running.get(keyOf(userId, conversationId));
      controller?.abort();
      return controller !== undefined;
    },

    /**
     * Replays a reply after `afterSeq` into `listener` and keeps it subscribed while the reply runs.
     * @throws ChatRequestError `resume_not_found`
     */
    resume(userId: string, conversationId: string, messageId: string, afterSeq: number, listener: (message: ReplyMessage) => void): () => void {
      const replay = deps.streamBuffer.replay(userId, conversationId, messageId, afterSeq);
      if (!replay) throw new ChatRequestError('resume_not_found', 'This reply can no longer be resumed; send the message again');
      // Subscribe before replaying so nothing produced in between is lost; skip what the replay already covers.
      let lastDelivered = afterSeq;
      const deliver = (message: ReplyMessage) => {
        if (message.seq <= lastDelivered) return;
        lastDelivered = message.seq;
        listener(message);
      };
      const unsubscribe = replay.isRunning ? deps.streamBuffer.subscribe(userId, conversationId, deliver) : () => undefined;
      for (const message of replay.messages) deliver(message);
      return unsubscribe;
    },

    /** Delivers the answer to an `ask_user` form. @throws ChatRequestError when no such form waits. */
    answerPrompt(userId: string, message: PromptAnswerMessage): void {
      const answer = message.skipped === true ? ({ status: 'skipped' } as const) : ({ status: 'answered', answers: message.answers ?? {} } as const);
      if (!prompts.answer(userId, message.conversationId, message.promptId, answer)) {
        throw new ChatRequestError('invalid_request', 'This question is no longer waiting for an answer');
      }
    },

    /** Aborts every running reply (shutdown). */
    stopAll(): void {
      for (const controller of running.values()) controller.abort();
    },
  };
}
export type ChatService = ReturnType<typeof createChatService>;
