// The seeded chat of bench/chat-ui-open: deterministic, realistic mixed lengths and markdown, written into the
// app's own Dexie database through raw IndexedDB.
import type { Page } from 'playwright-core';
import type { ChatMessage, Conversation } from '../../apps/web/src/features/chat/lib/chat-types.js';
import { searchWordsOf } from '../../apps/web/src/features/chat/lib/search-words.js';

/** In the last message only, so a page can tell it is the chat's end that is on screen. */
export const endMarker = 'bench-end-of-chat';


let randomState = 0x2f6e2b1;
function random(): number {
  randomState = (randomState * 1_103_515_245 + 12_345) % 2_147_483_648;
  return randomState / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const vocabulary = (
  'the a to of and in is it that for you this with on as be are can use we will not if your function value ' +
  'server request response cache query index table database message stream token model user error retry state ' +
  'component render effect hook list virtual scroll height browser memory worker queue batch latency throughput ' +
  'configure deploy build test type string number array object promise async await import export module option'
).split(' ');

function sentence(): string {
  const words = Array.from({ length: 6 + Math.floor(random() * 16) }, () => pick(vocabulary));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.15 ? ` **${pick(vocabulary)}**` : ''}${random() < 0.1 ? ` \`${pick(vocabulary)}()\`` : ''}.`;
}
const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 5) }, sentence).join(' ');

function codeBlock(): string {
  const language = pick(['ts', 'python', 'bash', 'json', 'sql']);
  const lines = Array.from({ length: 4 + Math.floor(random() * 20) }, (_, index) =>
    language === 'python' ? `    ${pick(vocabulary)}_${index} = ${pick(vocabulary)}(${index})` : `  const ${pick(vocabulary)}${index} = await ${pick(vocabulary)}(${index});`,
  );
  return ['```' + language, language === 'python' ? 'def main():' : 'async function main() {', ...lines, language === 'python' ? '' : '}', '```'].join('\n');
}

function userContent(index: number): string {
  const kind = random();
  if (kind < 0.6) return sentence();
  if (kind < 0.9) return `${paragraph()}\n\n${sentence()}`;
  return `${sentence()} Here is my code:\n\n${codeBlock()}\n\nMessage ${index}.`;
}

function assistantContent(index: number): string {
  const parts: string[] = [];
  if (random() < 0.3) parts.push(`## ${sentence().slice(0, 40)}`);
  parts.push(paragraph());
  if (random() < 0.35) parts.push(Array.from({ length: 2 + Math.floor(random() * 5) }, () => `- ${sentence()}`).join('\n'));
  if (random() < 0.3) parts.push(codeBlock());
  if (random() < 0.08) parts.push(['| option | value |', '| --- | --- |', ...Array.from({ length: 3 }, () => `| ${pick(vocabulary)} | ${pick(vocabulary)} |`)].join('\n'));
  if (random() < 0.5) parts.push(paragraph());
  if (random() < 0.05) parts.push(Array.from({ length: 8 }, paragraph).join('\n\n')); // an occasional long answer
  parts.push(`Reply ${index}.`);
  return parts.join('\n\n');
}

interface SearchEntry { key: string; conversationId: string; words: string[] }

export function buildConversation(id: string, title: string, count: number, modelId: string | null, startAt: number): { conversation: Conversation; messages: ChatMessage[] } {
  const messages: ChatMessage[] = [];
  let parentId: string | null = null;
  for (let index = 0; index < count; index += 1) {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const isLast = index === count - 1;
    // The last message is an assistant reply with a code block, so "rendered" means the markdown chunk ran.
    const content = isLast ? `${paragraph()}\n\n${codeBlock()}\n\nThat is all: ${endMarker}.` : role === 'user' ? userContent(index) : assistantContent(index);
    const messageId = `${id}-m${String(index).padStart(5, '0')}`;
    messages.push({
      id: messageId, conversationId: id, role, content, reasoning: '', status: 'done', error: null,
      createdAt: startAt + index * 30_000, versionGroupId: messageId, versionNumber: 1, parentId, toolCalls: [],
      modelId: role === 'assistant' ? modelId : null, retryType: null, lastSeq: 0, reasoningDurationMilliseconds: null,
    });
    parentId = messageId;
  }
  const last = messages.at(-1);
  const conversation: Conversation = {
    id, title, modelId, systemPrompt: '', isStarred: false, createdAt: startAt, updatedAt: last?.createdAt ?? startAt, activeLeafId: last?.id ?? null,
  };
  return { conversation, messages };
}

/** Writes conversations, messages and their search entries into the app's existing Dexie database (raw IndexedDB). */
export async function seed(page: Page, databaseName: string, chats: Array<{ conversation: Conversation; messages: ChatMessage[] }>): Promise<void> {
  const entries: SearchEntry[] = chats.flatMap(({ conversation, messages }) => [
    { key: `title:${conversation.id}`, conversationId: conversation.id, words: searchWordsOf(conversation.title) },
    ...messages.map((message) => ({ key: `message:${message.id}`, conversationId: message.conversationId, words: searchWordsOf(message.content) })),
  ]);
  await page.evaluate(
    ({ name, conversations, messages, searchEntries }) =>
      new Promise<void>((resolve, reject) => {
        // No version: the app (Dexie) has already created and migrated the database; this writes into it as is.
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const expected = ['conversations', 'messages', 'searchEntries'];
          if (!expected.every((store) => database.objectStoreNames.contains(store))) {
            reject(new Error(`unexpected schema v${database.version}: ${[...database.objectStoreNames].join(', ')}`));
            return;
          }
          const transaction = database.transaction(expected, 'readwrite');
          for (const conversation of conversations) transaction.objectStore('conversations').put(conversation);
          for (const message of messages) transaction.objectStore('messages').put(message);
          for (const entry of searchEntries) transaction.objectStore('searchEntries').put(entry);
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { name: databaseName, conversations: chats.map((chat) => chat.conversation), messages: chats.flatMap((chat) => chat.messages), searchEntries: entries },
  );
}
