import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { chatDatabaseName, openChatDatabase } from './chat-database';
import { createChatRepository } from './chat-repository';

let databaseCounter = 0;
const openedNames: string[] = [];
function uniqueName() {
  const name = chatDatabaseName(`user-${++databaseCounter}-${Date.now()}`);
  openedNames.push(name);
  return name;
}

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return { id, title: 'New chat', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: null, ...overrides };
}

function message(id: string, conversationId: string, content: string, createdAt: number): ChatMessage {
  return {
    id, conversationId, role: 'user', content, reasoning: '', status: 'done', error: null, createdAt, versionGroupId: id,
    versionNumber: 1, parentId: null, toolCalls: [], modelId: null, retryType: null, lastSeq: 0, reasoningDurationMilliseconds: null,
  };
}

afterEach(async () => {
  await Promise.all(openedNames.splice(0).map((name) => Dexie.delete(name)));
});

describe('chat database', () => {
  it('is named per user', () => {
    expect(chatDatabaseName('u-42')).toBe('claraverse-chat-u-42');
  });

  it('migrates a version 1 database: builds the search index and sets the branch on screen', async () => {
    const name = uniqueName();
    const legacy = new Dexie(name);
    legacy.version(1).stores({ conversations: 'id, updatedAt, isStarred', messages: 'id, conversationId, [conversationId+createdAt]' });
    const { activeLeafId: _omitted, ...legacyConversation } = conversation('c1', { title: 'Trip to Lisbon' });
    await legacy.table('conversations').put(legacyConversation);
    await legacy.table('messages').bulkPut([message('m1', 'c1', 'Which museums open on Monday?', 1), message('m2', 'c1', 'Tram 28 timetable', 2)]);
    legacy.close();

    const database = openChatDatabase(name);
    const repository = createChatRepository(database);

    expect(database.verno).toBe(4);
    expect((await repository.getConversation('c1'))?.activeLeafId).toBe('m2');
    expect(await repository.searchConversations('lisbon')).toEqual(new Set(['c1']));
    expect(await repository.searchConversations('museum monday')).toEqual(new Set(['c1']));
    database.close();
  });

  it('searches titles and messages by word prefix, all words required, across messages, ignoring accents and case', async () => {
    const database = openChatDatabase(uniqueName());
    const repository = createChatRepository(database);
    await repository.saveConversation(conversation('c1', { title: 'Café recipes' }));
    await repository.saveConversation(conversation('c2', { title: 'Kubernetes' }));
    await repository.saveMessages([message('m1', 'c1', 'How long to bake sourdough?', 1), message('m2', 'c1', 'And at 250 degrees?', 2)], true);
    await repository.saveMessages([message('m3', 'c2', 'Deploy sourdough-api to the cluster', 3)], true);

    expect(await repository.searchConversations('cafe')).toEqual(new Set(['c1']));
    expect(await repository.searchConversations('SOURDOUGH')).toEqual(new Set(['c1', 'c2']));
    expect(await repository.searchConversations('sourdough degrees')).toEqual(new Set(['c1']));
    expect(await repository.searchConversations('sourdough clus')).toEqual(new Set(['c2']));
    expect(await repository.searchConversations('nothing-like-this')).toEqual(new Set());
    expect(await repository.searchConversations('   ')).toEqual(new Set());
    database.close();
  });

  it('does not index messages saved mid-stream, lists starred first, and deletes a conversation with its messages and index', async () => {
    const database = openChatDatabase(uniqueName());
    const repository = createChatRepository(database);
    await repository.saveConversation(conversation('c1', { updatedAt: 5 }));
    await repository.saveConversation(conversation('c2', { updatedAt: 1, isStarred: true }));
    await repository.saveMessages([message('m1', 'c1', 'streaming words', 1)], false);
    expect(await repository.searchConversations('streaming')).toEqual(new Set());
    await repository.saveMessages([message('m1', 'c1', 'streaming words', 1)], true);
    expect(await repository.searchConversations('streaming')).toEqual(new Set(['c1']));

    expect((await repository.listConversations()).map((entry) => entry.id)).toEqual(['c2', 'c1']);
    expect((await repository.listMessages('c1')).map((entry) => entry.id)).toEqual(['m1']);

    await repository.deleteConversation('c1');
    expect(await repository.listMessages('c1')).toEqual([]);
    expect(await repository.searchConversations('streaming')).toEqual(new Set());
    expect((await repository.listConversations()).map((entry) => entry.id)).toEqual(['c2']);
    database.close();
  });

  it('upgrades a version 3 database to version 4 without touching its chats, with an empty image store', async () => {
    const name = uniqueName();
    const previous = new Dexie(name);
    previous.version(3).stores({ conversations: 'id, updatedAt, isStarred', messages: 'id, conversationId, [conversationId+createdAt]', searchEntries: 'key, conversationId, *words' });
    await previous.table('conversations').put(conversation('c1', { title: 'Sketches', activeLeafId: 'm1' }));
    await previous.table('messages').put(message('m1', 'c1', 'Draw a fox', 1));
    previous.close();

    const database = openChatDatabase(name);
    const repository = createChatRepository(database);
    expect(database.verno).toBe(4);
    expect((await repository.getConversation('c1'))?.activeLeafId).toBe('m1');
    expect((await repository.listMessages('c1')).map((entry) => entry.content)).toEqual(['Draw a fox']);
    expect(await repository.listImages()).toEqual([]);
    database.close();
  });

  it('keeps generated images with their bytes, lists the newest first and deletes one', async () => {
    const database = openChatDatabase(uniqueName());
    const repository = createChatRepository(database);
    const bytes = (text: string) => new TextEncoder().encode(text).buffer;
    await repository.saveImages([
      { fileId: 'f1', handle: 'img-1', conversationId: 'c1', messageId: 'a1', mimeType: 'image/png', bytes: bytes('first'), createdAt: 10 },
      { fileId: 'f2', handle: 'img-2', conversationId: 'c1', messageId: 'a2', mimeType: 'image/png', bytes: bytes('second'), createdAt: 20 },
    ]);

    expect((await repository.listImages()).map((image) => image.handle)).toEqual(['img-2', 'img-1']);
    expect(new TextDecoder().decode((await repository.getImage('f1'))?.bytes)).toBe('first');
    // Deleting the chat keeps its images in the gallery.
    await repository.deleteConversation('c1');
    await repository.deleteImage('f2');
    expect((await repository.listImages()).map((image) => image.fileId)).toEqual(['f1']);
    database.close();
  });
});
