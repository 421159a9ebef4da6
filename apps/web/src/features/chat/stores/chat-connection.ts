import {
  chatServerMessageSchema,
  errorServerMessageSchema,
  readyServerMessageSchema,
  type ChatClientMessage,
} from '@claraverse/shared';
import { z } from 'zod';
import { showToast } from '../../../components/ui/toast';
import { createSessionRealtimeClient } from '../../../lib/session-realtime-client';
import type { RealtimeClient, ServerMessageHandlers } from '../../../lib/realtime-client';
import { applyReplyToStore, inFlightMessages, setGapHandler } from './apply-reply';
import { useChatStore } from './chat-store';

/** Everything the server may send on `/ws/chat`: the chat union plus the hub's `ready` and `error`. */
export const chatSocketServerMessageSchema = z.discriminatedUnion('type', [
  ...chatServerMessageSchema.options,
  readyServerMessageSchema,
  errorServerMessageSchema,
]);
export type ChatSocketServerMessage = z.infer<typeof chatSocketServerMessageSchema>;

/** Ids of messages whose `chat.send` waits in the client's queue: they must not be resumed on `ready`. */
const queuedSendIds = new Set<string>();

const handlers: ServerMessageHandlers<ChatSocketServerMessage> = {
  ready: () => {},
  pong: () => {},
  error: (message) => showToast(message.message, 'error'),
  'chat.start': (message) => applyReplyToStore(message),
  'chat.text-delta': (message) => applyReplyToStore(message),
  'chat.reasoning-delta': (message) => applyReplyToStore(message),
  'chat.tool-call': (message) => applyReplyToStore(message),
  'chat.tool-result': (message) => applyReplyToStore(message),
  'chat.finish': (message) => applyReplyToStore(message),
  'chat.error': (message) => applyReplyToStore(message),
  'chat.title': (message) => applyReplyToStore(message),
  'chat.compaction': (message) => applyReplyToStore(message),
  'prompt.request': (message) => applyReplyToStore(message),
};

let client: RealtimeClient<ChatClientMessage> | null = null;

function handleReady(): void {
  // After a drop (or a reload) the server kept generating into its buffer: ask for everything after what we have.
  for (const message of inFlightMessages()) {
    if (queuedSendIds.has(message.id)) continue;
    client?.send({
      type: 'chat.resume',
      conversationId: message.conversationId,
      messageId: message.id,
      afterSeq: message.lastSeq,
    });
  }
  queuedSendIds.clear();
}

/** The chat socket, created on first use. */
export function chatClient(): RealtimeClient<ChatClientMessage> {
  if (client) return client;
  // Offline: the socket is dropped at once (the server keeps generating into its buffer); online: reconnects.
  const created: RealtimeClient<ChatClientMessage> = createSessionRealtimeClient<ChatSocketServerMessage, ChatClientMessage>(
    '/ws/chat',
    { schema: chatSocketServerMessageSchema, handlers, onReady: handleReady },
    () => client === created,
  );
  created.subscribe(() => useChatStore.setState({ connectionState: created.getState() }));
  client = created;
  return created;
}

/** Sends a client message; a `chat.send` made while not connected is remembered so that `ready` does not resume it. */
export function sendChatMessage(message: ChatClientMessage): void {
  const socket = chatClient();
  if (message.type === 'chat.send' && socket.getState() !== 'connected') queuedSendIds.add(message.messageId);
  socket.send(message);
}

/** Asks the server to replay a reply after `afterSeq` (a gap in `seq`, or reopening a chat mid-reply). */
export function requestResume(conversationId: string, messageId: string, afterSeq: number): void {
  chatClient().send({ type: 'chat.resume', conversationId, messageId, afterSeq });
}

setGapHandler((message) => requestResume(message.conversationId, message.id, message.lastSeq));

/** Closes the socket (sign-out). */
export function closeChatClient(): void {
  client?.disconnect();
  client = null;
  queuedSendIds.clear();
}
