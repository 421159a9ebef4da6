import { type ChatRequestMessage, type ChatServerMessage, chatRequestMessageSchema } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import type { RealtimeConnection, RealtimeHub } from '../platform/realtime/realtime-hub.js';
import { ChatRequestError, type ChatService } from './chat.service.js';

/**
 * `WS /ws/chat`: `chat.send` starts a reply, `chat.stop` stops it, `chat.resume` replays a reply after a seq
 * and continues live; `prompt.answer` answers an `ask_user` form. A closed socket only unsubscribes: generation goes on into the stream buffer.
 */
export function registerChatSocket(app: FastifyInstance, deps: { hub: RealtimeHub; chatService: ChatService }): void {
  const subscriptions = new WeakMap<RealtimeConnection<ChatServerMessage>, Set<() => void>>();
  const track = (connection: RealtimeConnection<ChatServerMessage>, unsubscribe: () => void) => {
    // The socket may have closed while the reply was being claimed or replayed.
    if (connection.signal.aborted) return unsubscribe();
    const set = subscriptions.get(connection) ?? new Set();
    set.add(unsubscribe);
    subscriptions.set(connection, set);
  };
  const refuse = (connection: RealtimeConnection<ChatServerMessage>, message: { conversationId: string; messageId?: string }, error: ChatRequestError) => {
    connection.send({ type: 'chat.error', conversationId: message.conversationId, messageId: message.messageId ?? '', seq: 1, code: error.code, message: error.message, retryable: error.retryable });
  };

  deps.hub.registerRoute<ChatRequestMessage, ChatServerMessage>(app, '/ws/chat', {
    clientMessageSchema: chatRequestMessageSchema,
    async onMessage(connection, message) {
      const forward = (reply: ChatServerMessage) => void connection.send(reply);
      try {
        if (message.type === 'chat.send') track(connection, await deps.chatService.start(connection.userId, message, forward));
        else if (message.type === 'chat.stop') await deps.chatService.stop(connection.userId, message.conversationId);
        else if (message.type === 'prompt.answer') await deps.chatService.answerPrompt(connection.userId, message);
        else track(connection, await deps.chatService.resume(connection.userId, message.conversationId, message.messageId, message.afterSeq, forward));
      } catch (error) {
        if (error instanceof ChatRequestError) refuse(connection, message, error);
        else throw error;
      }
    },
    onClose(connection) {
      for (const unsubscribe of subscriptions.get(connection) ?? []) unsubscribe();
      subscriptions.delete(connection);
    },
  });
}
