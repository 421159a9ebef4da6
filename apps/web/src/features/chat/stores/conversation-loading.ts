import type { ChatMessage } from '../lib/chat-types';
import { chatClient, requestResume } from './chat-connection';
import type { ChatRepository } from './chat-repository';
import { addOlderMessagesToStore, findConversation, setConversationMessagesInStore, useChatStore } from './chat-store';
import { readConversationTail, readMessagesBefore } from './read-conversation';
import { isMessageInFlight } from './reply-reducer';

/** Opens in progress and background reads, by conversation, so that callers share them. */
const openings = new Map<string, Promise<void>>();
const backgroundReads = new Map<string, Promise<void>>();

/** Gives the browser a turn (paint, input) between background pages. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until the page has painted what was just rendered. */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return yieldToBrowser();
  return new Promise((resolve) => {
    // A hidden tab runs no animation frames: the timer starts the read anyway.
    const timer = setTimeout(resolve, 500);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * Waits until the browser is idle: the chat painted and its deferred renders (off-screen rows, code colours) done,
 * which a store update from the background read would otherwise interrupt and restart. At most 2 s.
 */
function whenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return afterNextPaint();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 }));
}

/** Resumes the replies the server may still be producing (the socket replays what this browser missed). */
function resumeRunningReplies(conversationId: string, messages: readonly ChatMessage[]): void {
  const running = messages.filter(isMessageInFlight);
  if (running.length === 0) return;
  const client = chatClient();
  if (client.getState() === 'connected') {
    for (const message of running) requestResume(conversationId, message.id, message.lastSeq);
  } else {
    client.connect();
  }
}

function isCurrent(repository: ChatRepository, conversationId: string): boolean {
  const state = useChatStore.getState();
  return state.repository === repository && state.messagesByConversation[conversationId] !== undefined;
}

/** Reads the messages created before `before` and adds them to memory; shared by every caller until it ends. */
function readOlderMessages(repository: ChatRepository, conversationId: string, before: number): Promise<void> {
  const running = backgroundReads.get(conversationId);
  if (running) return running;
  const read = (async () => {
    await whenIdle();
    const older = await readMessagesBefore(repository, conversationId, before, yieldToBrowser);
    if (!isCurrent(repository, conversationId)) return;
    addOlderMessagesToStore(conversationId, older);
    resumeRunningReplies(conversationId, older);
  })()
    .catch((error: unknown) => console.error('Could not read the older messages of a chat', error))
    .finally(() => backgroundReads.delete(conversationId));
  backgroundReads.set(conversationId, read);
  return read;
}

async function readConversation(repository: ChatRepository, conversationId: string): Promise<void> {
  const conversation = findConversation(conversationId) ?? (await repository.getConversation(conversationId));
  const tail = await readConversationTail(repository, conversationId, conversation?.activeLeafId ?? null);
  const state = useChatStore.getState();
  if (state.repository !== repository || state.messagesByConversation[conversationId]) return;
  setConversationMessagesInStore(conversationId, tail.messages, tail.unloadedBefore);
  resumeRunningReplies(conversationId, tail.messages);
}

/**
 * Reads a conversation's newest messages into memory (all of them for a short chat), once, and resumes a reply
 * that was still running. Enough to render the branch on screen.
 */
export function preloadConversation(conversationId: string): Promise<void> {
  const { repository, messagesByConversation } = useChatStore.getState();
  if (!repository || messagesByConversation[conversationId]) return Promise.resolve();
  const opening = openings.get(conversationId);
  if (opening) return opening;
  const read = readConversation(repository, conversationId).finally(() => openings.delete(conversationId));
  openings.set(conversationId, read);
  return read;
}

/**
 * Loads a conversation into memory for the chat on screen: its newest messages first (`preloadConversation`),
 * then, once they are painted and the browser is idle, the rest in the background (for scrolling up, export, and the actions that need
 * the whole tree: see `whenConversationLoaded`). Not started earlier so that the older messages never compete
 * with the first render of a chat opened by URL.
 */
export async function openConversation(conversationId: string): Promise<void> {
  await preloadConversation(conversationId);
  const { repository, unloadedBeforeByConversation } = useChatStore.getState();
  const unloadedBefore = unloadedBeforeByConversation[conversationId];
  if (repository && unloadedBefore !== undefined) void readOlderMessages(repository, conversationId, unloadedBefore);
}

/** Resolves once the whole conversation is in memory (at once when it already is, or was never opened). */
export async function whenConversationLoaded(conversationId: string): Promise<void> {
  await openings.get(conversationId);
  await backgroundReads.get(conversationId);
  const { repository, unloadedBeforeByConversation } = useChatStore.getState();
  const unloadedBefore = unloadedBeforeByConversation[conversationId];
  // Not started yet (only preloaded), or a failed background read: this reads the rest now.
  if (repository && unloadedBefore !== undefined) await readOlderMessages(repository, conversationId, unloadedBefore);
}
