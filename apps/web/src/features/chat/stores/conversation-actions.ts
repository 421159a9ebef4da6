import { showToast } from '../../../components/ui/toast';
import { conversationToMarkdown, exportConversation, parseConversationExport } from '../lib/conversation-export';
import type { Conversation } from '../lib/chat-types';
import { createId, saveConversation } from './chat-actions';
import { whenConversationLoaded } from './conversation-loading';
import { findConversation, removeConversationFromStore, upsertConversationInStore, useChatStore } from './chat-store';

function update(conversationId: string, changes: Partial<Conversation>, isTouched = true): void {
  const conversation = findConversation(conversationId);
  if (!conversation) return;
  saveConversation({ ...conversation, ...changes, ...(isTouched ? { updatedAt: Date.now() } : {}) });
}

export function renameConversation(conversationId: string, title: string): void {
  update(conversationId, { title: title.trim() || 'Untitled chat' });
}

export function toggleConversationStar(conversationId: string): void {
  const conversation = findConversation(conversationId);
  if (conversation) update(conversationId, { isStarred: !conversation.isStarred }, false);
}

export function setConversationModel(conversationId: string, modelId: string): void {
  update(conversationId, { modelId }, false);
}

export function setConversationSystemPrompt(conversationId: string, systemPrompt: string): void {
  update(conversationId, { systemPrompt });
}

export async function deleteConversation(conversationId: string): Promise<void> {
  removeConversationFromStore(conversationId);
  await useChatStore.getState().repository?.deleteConversation(conversationId);
}

/** Ids of conversations matching a full-text query (titles and messages, offline). */
export async function searchConversations(query: string): Promise<Set<string>> {
  const repository = useChatStore.getState().repository;
  return repository ? repository.searchConversations(query) : new Set();
}

function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function fileNameOf(conversation: Conversation): string {
  return conversation.title.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'chat';
}

/** Downloads a conversation (every message, all branches) as JSON or (the branch on screen) as Markdown. */
export async function downloadConversation(conversationId: string, format: 'json' | 'markdown'): Promise<void> {
  const { repository } = useChatStore.getState();
  const conversation = findConversation(conversationId);
  if (!repository || !conversation) return;
  // A long chat opened a moment ago may still be reading its older messages.
  await whenConversationLoaded(conversationId);
  const inMemory = useChatStore.getState().messagesByConversation[conversationId];
  const messages = inMemory ? Object.values(inMemory) : await repository.listMessages(conversationId);
  if (format === 'json') {
    download(`${fileNameOf(conversation)}.json`, JSON.stringify(exportConversation(conversation, messages), null, 2), 'application/json');
  } else {
    download(`${fileNameOf(conversation)}.md`, conversationToMarkdown(conversation, messages), 'text/markdown');
  }
}

/** Imports a conversation exported as JSON, under new ids so that it never overwrites a chat. Returns its id. */
export async function importConversationFile(file: File): Promise<string | null> {
  const { repository } = useChatStore.getState();
  if (!repository) return null;
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    showToast('This file is not JSON.', 'error');
    return null;
  }
  const parsed = parseConversationExport(data, createId);
  if (!parsed) {
    showToast('This file is not a ClaraVerse chat export.', 'error');
    return null;
  }
  await repository.saveConversationWithMessages(parsed.conversation, parsed.messages);
  upsertConversationInStore(parsed.conversation);
  showToast(`Imported “${parsed.conversation.title}”.`);
  return parsed.conversation.id;
}
