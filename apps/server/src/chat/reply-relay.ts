import type { Logger } from '../platform/logging/logger.js';
import type { RedisPubSub } from '../platform/redis/redis-pubsub.js';
import type { PromptAnswer } from '../tools/tool-ports.js';

/** What the instance running a reply does when another instance relays a stop or an answer to it. */
export interface ReplyRelayHandlers {
  stop(userId: string, conversationId: string): void;
  answer(userId: string, conversationId: string, promptId: string, answer: PromptAnswer): void;
}

/**
 * Scale-out only: a reply runs in one server process, but its `chat.stop` and its `ask_user` answers may reach
 * any instance (the browser reconnected through the load balancer). The relay carries them to the one that
 * runs it. On a single machine there is no relay: everything is local.
 */
export interface ReplyRelay {
  /** Set once by the chat service. */
  listen(handlers: ReplyRelayHandlers): void;
  /** Asks the instance running this reply to stop it. */
  stop(userId: string, conversationId: string): Promise<void>;
  /** Makes a form waiting in this process answerable from other instances, for `expiresInMs`. */
  registerPrompt(promptId: string, userId: string, conversationId: string, expiresInMs: number): void;
  /** The form was answered, skipped or timed out here. */
  forgetPrompt(promptId: string): void;
  /** Sends an answer to the instance whose form waits; false when no form waits for this user and conversation. */
  answer(userId: string, conversationId: string, promptId: string, answer: PromptAnswer): Promise<boolean>;
}

type RelayedMessage =
  | { kind: 'stop'; userId: string; conversationId: string }
  | { kind: 'answer'; userId: string; conversationId: string; promptId: string; answer: PromptAnswer };

// KEYS prompt · ARGV owner, channel, payload: claims the form (so one answer wins) and relays the answer.
const claimScript = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

/** The relay over Redis pub/sub: one control channel per deployment, forms registered as expiring keys. */
export async function createRedisReplyRelay(options: { redis: RedisPubSub; prefix: string; logger: Logger }): Promise<ReplyRelay> {
  const { redis, prefix, logger } = options;
  const channel = `${prefix}control`;
  const promptKey = (promptId: string) => `${prefix}prompt:${promptId}`;
  const ownerOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const claim = redis.script('clvChatClaimPrompt', claimScript);
  let handlers: ReplyRelayHandlers | null = null;
  const warn = (what: string) => (error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, what);

  await redis.subscribe(channel, (payload) => {
    let message: RelayedMessage;
    try {
      message = JSON.parse(payload) as RelayedMessage;
    } catch {
      return;
    }
    if (message.kind === 'stop') handlers?.stop(message.userId, message.conversationId);
    else if (message.kind === 'answer') handlers?.answer(message.userId, message.conversationId, message.promptId, message.answer);
  });

  return {
    listen(next) {
      handlers = next;
    },
    async stop(userId, conversationId) {
      await redis.commands.publish(channel, JSON.stringify({ kind: 'stop', userId, conversationId } satisfies RelayedMessage));
    },
    registerPrompt(promptId, userId, conversationId, expiresInMs) {
      redis.commands.set(promptKey(promptId), ownerOf(userId, conversationId), 'PX', expiresInMs).catch(warn('ask_user form not shared with other instances'));
    },
    forgetPrompt(promptId) {
      redis.commands.del(promptKey(promptId)).catch(warn('ask_user form not removed from redis'));
    },
    async answer(userId, conversationId, promptId, answer) {
      const payload = JSON.stringify({ kind: 'answer', userId, conversationId, promptId, answer } satisfies RelayedMessage);
      return (await claim([promptKey(promptId)], [ownerOf(userId, conversationId), channel, payload])) === 1;
    },
  };
}
