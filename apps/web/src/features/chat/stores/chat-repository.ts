import Dexie from 'dexie';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { queryWordsOf, searchWordsOf } from '../lib/search-words';
import type { ChatDatabase, SearchEntry, StoredImage } from './chat-database';

/** Reads and writes chats in a user's IndexedDB database; the only code that touches its tables. */
export interface ChatRepository {
  listConversations: () => Promise<Conversation[]>;
  getConversation: (conversationId: string) => Promise<Conversation | undefined>;
  saveConversation: (conversation: Conversation) => Promise<void>;
  /**
   * Saves a conversation and messages in one transaction: a new turn (the user's message, the reply's first state
   * and the leaf that points at it) is stored whole or not at all, so a reload never finds a leaf without its message.
   * Also adds an imported conversation at once.
   */
  saveConversationWithMessages: (conversation: Conversation, messages: ChatMessage[]) => Promise<void>;
  deleteConversation: (conversationId: string) => Promise<void>;
  /** Every message of a conversation, oldest first. */
  listMessages: (conversationId: string) => Promise<ChatMessage[]>;
  /** Messages created strictly between `after` and `before` (open ends when omitted), oldest first unless `newestFirst`. */
  listMessagesByTime: (conversationId: string, range: MessageTimeRange) => Promise<ChatMessage[]>;
  /** The messages created at exactly this time (completes a page that ended among equal timestamps). */
  listMessagesCreatedAt: (conversationId: string, createdAt: number) => Promise<ChatMessage[]>;
  /** Saves messages; `isIndexed` also refreshes their words in the search index (skip it mid-stream). */
  saveMessages: (messages: ChatMessage[], isIndexed: boolean) => Promise<void>;
  /** Ids of the conversations whose title or messages contain every word of `query` (as word prefixes). */
  searchConversations: (query: string) => Promise<Set<string>>;
  /** Keeps generated images (replacing any with the same file id). */
  saveImages: (images: StoredImage[]) => Promise<void>;
  getImage: (fileId: string) => Promise<StoredImage | undefined>;
  /** Every kept image, newest first. */
  listImages: () => Promise<StoredImage[]>;
  deleteImage: (fileId: string) => Promise<void>;
}

export interface MessageTimeRange {
  /** Exclusive bounds, epoch milliseconds. */
  after?: number;
  before?: number;
  limit?: number;
  newestFirst?: boolean;
}

function titleEntry(conversation: Conversation): SearchEntry {
  return { key: `title:${conversation.id}`, conversationId: conversation.id, words: searchWordsOf(conversation.title) };
}

function messageEntry(message: ChatMessage): SearchEntry {
  return { key: `message:${message.id}`, conversationId: message.conversationId, words: searchWordsOf(message.content) };
}

/** Starred first, then the most recently updated. */
export function compareConversations(left: Conversation, right: Conversation): number {
  if (left.isStarred !== right.isStarred) return left.isStarred ? -1 : 1;
  return right.updatedAt - left.updatedAt;
}

export function createChatRepository(database: ChatDatabase): ChatRepository {
  const saveConversationWithMessages = async (conversation: Conversation, messages: ChatMessage[]) => {
    await database.transaction('rw', [database.conversations, database.messages, database.searchEntries], async () => {
      await database.conversations.put(conversation);
      await database.messages.bulkPut(messages);
      await database.searchEntries.bulkPut([titleEntry(conversation), ...messages.map(messageEntry)]);
    });
  };
  return {
    listConversations: async () => (await database.conversations.toArray()).sort(compareConversations),
    getConversation: (conversationId) => database.conversations.get(conversationId),
    saveConversation: async (conversation) => {
      await database.transaction('rw', database.conversations, database.searchEntries, async () => {
        await database.conversations.put(conversation);
        await database.searchEntries.put(titleEntry(conversation));
      });
    },
    saveConversationWithMessages,
    deleteConversation: async (conversationId) => {
      await database.transaction('rw', [database.conversations, database.messages, database.searchEntries], async () => {
        await database.conversations.delete(conversationId);
        await database.messages.where('conversationId').equals(conversationId).delete();
        await database.searchEntries.where('conversationId').equals(conversationId).delete();
      });
    },
    listMessages: (conversationId) =>
      database.messages.where('[conversationId+createdAt]').between([conversationId, 0], [conversationId, Infinity]).toArray(),
    listMessagesByTime: (conversationId, { after, before, limit, newestFirst = false }) => {
      let collection = database.messages
        .where('[conversationId+createdAt]')
        .between([conversationId, after ?? Dexie.minKey], [conversationId, before ?? Dexie.maxKey], after === undefined, before === undefined);
      if (newestFirst) collection = collection.reverse();
      // Dexie turns a plain range with a limit into one getAll (with a direction where the browser supports it).
      return (limit === undefined ? collection : collection.limit(limit)).toArray();
    },
    listMessagesCreatedAt: (conversationId, createdAt) =>
      database.messages.where('[conversationId+createdAt]').equals([conversationId, createdAt]).toArray(),
    saveMessages: async (messages, isIndexed) => {
      if (!isIndexed) {
        await database.messages.bulkPut(messages);
        return;
      }
      await database.transaction('rw', database.messages, database.searchEntries, async () => {
        await database.messages.bulkPut(messages);
        await database.searchEntries.bulkPut(messages.map(messageEntry));
      });
    },
    searchConversations: async (query) => {
      const [firstWord, ...otherWords] = queryWordsOf(query);
      if (!firstWord) return new Set();
      const candidates = await database.searchEntries.where('words').startsWith(firstWord).toArray();
      // A conversation matches when all the words occur somewhere in it, not necessarily in one message.
      const candidateIds = new Set(candidates.map((entry) => entry.conversationId));
      if (otherWords.length === 0) return candidateIds;
      const matches = new Set<string>();
      await Promise.all(
        [...candidateIds].map(async (conversationId) => {
          const entries = await database.searchEntries.where('conversationId').equals(conversationId).toArray();
          const allWords = entries.flatMap((entry) => entry.words);
          if (otherWords.every((word) => allWords.some((candidate) => candidate.startsWith(word)))) {
            matches.add(conversationId);
          }
        }),
      );
      return matches;
    },
    saveImages: async (images) => {
      await database.images.bulkPut(images);
    },
    getImage: (fileId) => database.images.get(fileId),
    listImages: () => database.images.orderBy('createdAt').reverse().toArray(),
    deleteImage: (fileId) => database.images.delete(fileId),
  };
}
