import Dexie, { type EntityTable } from 'dexie';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { searchWordsOf } from '../lib/search-words';

/** One row of the offline full-text index: the words of a title or a message. */
export interface SearchEntry {
  /** `title:<conversationId>` or `message:<messageId>`. */
  key: string;
  conversationId: string;
  words: string[];
}

/** An image a tool generated or edited, kept in the browser for the chat and the Images page. */
export interface StoredImage {
  /** The upload the server keeps it as (unique). */
  fileId: string;
  /** The name the model knows it by in its conversation (`img-3`). */
  handle: string;
  conversationId: string;
  /** The assistant message that made it. */
  messageId: string;
  mimeType: string;
  bytes: ArrayBuffer;
  /** Epoch milliseconds. */
  createdAt: number;
}

export type ChatDatabase = Dexie & {
  conversations: EntityTable<Conversation, 'id'>;
  messages: EntityTable<ChatMessage, 'id'>;
  searchEntries: EntityTable<SearchEntry, 'key'>;
  images: EntityTable<StoredImage, 'fileId'>;
};

/** Name of a user's database: each user has their own, so that a shared browser never mixes chats. */
export function chatDatabaseName(userId: string): string {
  return `claraverse-chat-${userId}`;
}

/**
 * Opens (and migrates) the chat database of one user. Version history — never edit a released version, add one:
 * 1. conversations and messages;
 * 2. the `searchEntries` word index (multiEntry on `words`), built from existing titles and messages;
 * 3. `activeLeafId` on conversations (the branch on screen), set to the newest message of existing chats;
 * 4. the `images` table (generated and edited images with their bytes); nothing to migrate, it starts empty.
 */
export function openChatDatabase(name: string): ChatDatabase {
  const database = new Dexie(name) as ChatDatabase;
  database.version(1).stores({
    conversations: 'id, updatedAt, isStarred',
    messages: 'id, conversationId, [conversationId+createdAt]',
  });
  database
    .version(2)
    .stores({ searchEntries: 'key, conversationId, *words' })
    .upgrade(async (transaction) => {
      const entries: SearchEntry[] = [];
      await transaction.table<Conversation>('conversations').each((conversation) => {
        entries.push({ key: `title:${conversation.id}`, conversationId: conversation.id, words: searchWordsOf(conversation.title) });
      });
      await transaction.table<ChatMessage>('messages').each((message) => {
        entries.push({ key: `message:${message.id}`, conversationId: message.conversationId, words: searchWordsOf(message.content) });
      });
      await transaction.table<SearchEntry>('searchEntries').bulkPut(entries);
    });
  database
    .version(3)
    .stores({})
    .upgrade(async (transaction) => {
      const conversations = transaction.table<Conversation>('conversations');
      const messages = transaction.table<ChatMessage>('messages');
      for (const conversation of await conversations.toArray()) {
        if (conversation.activeLeafId !== undefined) continue;
        const newest = await messages
          .where('[conversationId+createdAt]')
          .between([conversation.id, Dexie.minKey], [conversation.id, Dexie.maxKey])
          .last();
        await conversations.put({ ...conversation, activeLeafId: newest?.id ?? null });
      }
    });
  database.version(4).stores({ images: 'fileId, conversationId, createdAt' });
  return database;
}
