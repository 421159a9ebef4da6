import { buildTurns } from '../lib/build-turns';
import type { ChatMessage, Conversation, MessageAttachment, PromptAnswerValue, RetryType } from '../lib/chat-types';
import { buildMessageTree, newestLeafUnder, pathToLeaf, versionsOf } from '../lib/message-tree';
import { defaultConversationTitle } from './apply-reply';
import { chatClient, sendChatMessage } from './chat-connection';
import { openChatDatabase, chatDatabaseName } from './chat-database';
import { persistMessage, persistTurn, cancelPendingWrites } from './chat-persistence';
import { createChatRepository } from './chat-repository';
import { whenConversationLoaded } from './conversation-loading';
import { imageHandlesOf, resetGeneratedImageUrls } from './generated-images';
import { isMessageInFlight } from './reply-reducer';
import {
  findConversation,
  findMessage,
  isConversationPartlyLoaded,
  resetChatStore,
  upsertConversationInStore,
  upsertMessageInStore,
  useChatStore,
} from './chat-store';

/** A new random id (≤ 64 characters, as the socket contract requires). */
export function createId(): string {
  return crypto.randomUUID();
}

/** Opens the signed-in user's database and loads their conversation list (once per user). */
export async function initializeChat(userId: string): Promise<void> {
  if (useChatStore.getState().userId === userId) return;
  cancelPendingWrites();
  resetChatStore();
  resetGeneratedImageUrls();
  const repository = createChatRepository(openChatDatabase(chatDatabaseName(userId)));
  useChatStore.setState({ userId, repository });
  try {
    const conversations = await repository.listConversations();
    if (useChatStore.getState().userId !== userId) return;
    useChatStore.setState({ conversations, isLoaded: true, loadError: null });
  } catch (error) {
    console.error('Could not open the chat database', error);
    useChatStore.setState({
      isLoaded: true,
      loadError: 'Your chats could not be opened: this browser blocks storage (private mode?) or is out of space.',
    });
  }
}

export function saveConversation(conversation: Conversation): void {
  upsertConversationInStore(conversation);
  void useChatStore.getState().repository?.saveConversation(conversation);
}

export function createConversation(modelId: string | null, isToolsDisabled = false): Conversation {
  const now = Date.now();
  const conversation: Conversation = {
    id: createId(),
    title: defaultConversationTitle,
    modelId,
    systemPrompt: '',
    isStarred: false,
    createdAt: now,
    updatedAt: now,
    activeLeafId: null,
    ...(isToolsDisabled ? { isToolsDisabled } : {}),
  };
  useChatStore.setState((state) => ({
    messagesByConversation: { ...state.messagesByConversation, [conversation.id]: {} },
  }));
  saveConversation(conversation);
  return conversation;
}

/**
 * Runs `action` at once when the conversation is wholly in memory, else once its older messages are read: the
 * branch sent to the model must be whole, not just the newest messages shown first.
 */
function withWholeConversation(conversationId: string, action: () => void): void {
  if (!isConversationPartlyLoaded(conversationId)) {
    action();
    return;
  }
  whenConversationLoaded(conversationId).then(action, (error: unknown) => console.error('Could not read a chat', error));
}

function conversationTree(conversationId: string) {
  return buildMessageTree(Object.values(useChatStore.getState().messagesByConversation[conversationId] ?? {}));
}

function addMessage(message: ChatMessage): void {
  upsertMessageInStore(message);
  persistMessage(message);
}

function buildMessage(fields: Pick<ChatMessage, 'conversationId' | 'role' | 'content' | 'parentId'> & Partial<ChatMessage>) {
  const id = fields.id ?? createId();
  const message: ChatMessage = {
    id,
    reasoning: '',
    status: 'done',
    error: null,
    createdAt: Date.now(),
    versionGroupId: id,
    versionNumber: 1,
    toolCalls: [],
    modelId: null,
    retryType: null,
    lastSeq: 0,
    reasoningDurationMilliseconds: null,
    ...fields,
  };
  return message;
}

/**
 * Creates the assistant message under `userMessage` and sends the branch to the server. The reply, the conversation
 * pointing at it and `userMessage` when it is new are stored in one transaction.
 */
function startReply(conversation: Conversation, userMessage: ChatMessage, modelId: string, retryType: RetryType | null, isUserMessageNew: boolean) {
  const tree = conversationTree(conversation.id);
  const earlierVersions = (tree.childrenByParent.get(userMessage.id) ?? []).filter((child) => child.role === 'assistant');
  const firstVersion = earlierVersions[0];
  const reply = buildMessage({
    conversationId: conversation.id,
    role: 'assistant',
    content: '',
    parentId: userMessage.id,
    status: 'sending',
    modelId,
    retryType,
    versionGroupId: firstVersion?.versionGroupId ?? createId(),
    versionNumber: Math.max(0, ...earlierVersions.map((version) => version.versionNumber)) + 1,
  });
  upsertMessageInStore(reply);
  const updated = { ...conversation, modelId, activeLeafId: reply.id, updatedAt: Date.now() };
  upsertConversationInStore(updated);
  persistTurn(updated, isUserMessageNew ? [userMessage, reply] : [reply]);
  const path = pathToLeaf(conversationTree(conversation.id), userMessage.id);
  const images = imageHandlesOf(Object.values(useChatStore.getState().messagesByConversation[conversation.id] ?? {}));
  sendChatMessage({
    type: 'chat.send',
    conversationId: conversation.id,
    messageId: reply.id,
    modelId,
    messages: buildTurns(updated, path, retryType),
    ...(conversation.systemPrompt.trim() ? { systemPrompt: conversation.systemPrompt.trim() } : {}),
    ...(retryType === 'no-search' || conversation.isToolsDisabled ? { disableTools: true } : {}),
    ...(images.length > 0 ? { images } : {}),
    ...(retryType === 'think-longer' ? { options: { reasoning: true } } : {}),
  });
}

export interface SendOptions {
  /** Uploaded files that go with the message. */
  attachments?: MessageAttachment[];
  /** For a new chat: start it with tools off. */
  isToolsDisabled?: boolean;
}

/** Adds a user message at the end of the branch on screen and asks for a reply. Returns the conversation id. */
export function sendUserMessage(conversationId: string | null, content: string, modelId: string, options: SendOptions = {}): string {
  const existing = conversationId ? findConversation(conversationId) : undefined;
  const targetId = existing ? existing.id : createConversation(modelId, options.isToolsDisabled === true).id;
  const attachments = options.attachments ?? [];
  withWholeConversation(targetId, () => {
    const conversation = findConversation(targetId);
    if (!conversation) return;
    const userMessage = buildMessage({
      conversationId: conversation.id,
      role: 'user',
      content,
      parentId: conversation.activeLeafId,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    upsertMessageInStore(userMessage);
    startReply(conversation, userMessage, modelId, null, true);
  });
  return targetId;
}

/** A new version of an assistant reply (Regenerate and the retry variants). */
export function regenerateReply(conversationId: string, assistantMessageId: string, retryType: RetryType, modelId: string) {
  withWholeConversation(conversationId, () => regenerateWholeReply(conversationId, assistantMessageId, retryType, modelId));
}

function regenerateWholeReply(conversationId: string, assistantMessageId: string, retryType: RetryType, modelId: string) {
  const conversation = findConversation(conversationId);
  const assistantMessage = findMessage(conversationId, assistantMessageId);
  const userMessage = assistantMessage?.parentId ? findMessage(conversationId, assistantMessage.parentId) : undefined;
  if (!conversation || !userMessage) return;
  startReply(conversation, userMessage, modelId, retryType, false);
}

/** Edits a user message by adding a sibling (a new branch) and asking for its reply. */
export function editUserMessage(conversationId: string, userMessageId: string, content: string, modelId: string) {
  withWholeConversation(conversationId, () => editWholeUserMessage(conversationId, userMessageId, content, modelId));
}

function editWholeUserMessage(conversationId: string, userMessageId: string, content: string, modelId: string) {
  const conversation = findConversation(conversationId);
  const original = findMessage(conversationId, userMessageId);
  if (!conversation || !original) return;
  const versions = versionsOf(conversationTree(conversationId), original);
  const edited = buildMessage({
    conversationId,
    role: 'user',
    content,
    parentId: original.parentId,
    versionGroupId: original.versionGroupId,
    versionNumber: Math.max(...versions.map((version) => version.versionNumber)) + 1,
    // Editing changes the words; the files stay with the message.
    ...(original.attachments?.length ? { attachments: original.attachments } : {}),
  });
  upsertMessageInStore(edited);
  startReply(conversation, edited, modelId, null, true);
}

/** Shows another version (or branch) of a message: the branch below it that was used last. */
export function switchToVersion(conversationId: string, messageId: string): void {
  // Exact even while older messages are still being read: versions and descendants of a message on screen are
  // created after its parent, so they are in memory (see read-conversation.ts).
  const conversation = findConversation(conversationId);
  if (!conversation) return;
  const activeLeafId = newestLeafUnder(conversationTree(conversationId), messageId);
  saveConversation({ ...conversation, activeLeafId });
}

/** Stops the running reply; offline, the message is marked stopped at once. */
export function stopReply(conversationId: string): void {
  const client = chatClient();
  if (client.getState() === 'connected') {
    client.send({ type: 'chat.stop', conversationId });
    return;
  }
  for (const message of Object.values(useChatStore.getState().messagesByConversation[conversationId] ?? {})) {
    if (!isMessageInFlight(message)) continue;
    const stopped: ChatMessage = { ...message, status: 'stopped' };
    upsertMessageInStore(stopped);
    persistMessage(stopped);
  }
}

/** Turns tools on or off for one chat; later replies in it are sent with `disableTools`. */
export function setConversationToolsDisabled(conversationId: string, isToolsDisabled: boolean): void {
  const conversation = findConversation(conversationId);
  if (!conversation) return;
  saveConversation({ ...conversation, isToolsDisabled });
}

/**
 * Answers (or skips) an `ask_user` form of a reply: sends `prompt.answer` and closes the form at once (the
 * tool's result confirms it later). Nothing happens when the form no longer waits.
 */
export function answerPrompt(
  conversationId: string,
  messageId: string,
  promptId: string,
  answer: { answers: Record<string, PromptAnswerValue> } | { skipped: true },
): void {
  const message = findMessage(conversationId, messageId);
  const prompt = message?.prompts?.find((candidate) => candidate.id === promptId);
  if (!message || prompt?.status !== 'waiting') return;
  sendChatMessage({ type: 'prompt.answer', conversationId, promptId, ...answer });
  const closed: ChatMessage = {
    ...message,
    prompts: message.prompts?.map((candidate) =>
      candidate.id !== promptId
        ? candidate
        : 'skipped' in answer
          ? { ...candidate, status: 'skipped' }
          : { ...candidate, status: 'answered', answers: answer.answers },
    ),
  };
  addMessage(closed);
}
