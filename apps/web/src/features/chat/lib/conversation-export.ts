import { z } from 'zod';
import type { ChatMessage, Conversation } from './chat-types';
import { buildMessageTree, pathToLeaf } from './message-tree';

const exportFormat = 'claraverse-chat';
const exportVersion = 1;

const exportedMessageSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string().default(''),
  status: z.enum(['sending', 'streaming', 'done', 'error', 'stopped']).catch('done'),
  createdAt: z.number(),
  versionGroupId: z.string().optional(),
  versionNumber: z.number().int().min(1).default(1),
  parentId: z.string().nullable().default(null),
  modelId: z.string().nullable().default(null),
});

const conversationExportSchema = z.object({
  format: z.literal(exportFormat),
  version: z.literal(exportVersion),
  conversation: z.object({
    title: z.string().max(500),
    modelId: z.string().nullable().default(null),
    systemPrompt: z.string().default(''),
    isStarred: z.boolean().default(false),
    createdAt: z.number(),
    updatedAt: z.number(),
    activeLeafId: z.string().nullable().default(null),
  }),
  messages: z.array(exportedMessageSchema).max(100_000),
});
export type ConversationExport = z.infer<typeof conversationExportSchema>;

/** The JSON export of a conversation: every message with its branches and versions. */
export function exportConversation(conversation: Conversation, messages: readonly ChatMessage[]) {
  return {
    format: exportFormat,
    version: exportVersion,
    conversation: {
      title: conversation.title,
      modelId: conversation.modelId,
      systemPrompt: conversation.systemPrompt,
      isStarred: conversation.isStarred,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
      activeLeafId: conversation.activeLeafId,
    },
    messages: [...messages]
      .sort((left, right) => left.createdAt - right.createdAt)
      .map((message) => ({
        id: message.id,
        role: message.role,
        content: message.content,
        reasoning: message.reasoning,
        status: message.status,
        createdAt: message.createdAt,
        versionGroupId: message.versionGroupId,
        versionNumber: message.versionNumber,
        parentId: message.parentId,
        modelId: message.modelId,
      })),
  } satisfies ConversationExport;
}

/**
 * Validates an export and gives it fresh ids (so an import never overwrites an existing chat). Messages that were
 * mid-reply become `stopped`. Returns null when `data` is not an export.
 */
export function parseConversationExport(data: unknown, createId: () => string) {
  const parsed = conversationExportSchema.safeParse(data);
  if (!parsed.success) return null;
  const conversationId = createId();
  const idMap = new Map(parsed.data.messages.map((message) => [message.id, createId()]));
  const mapId = (id: string | null | undefined) => (id ? (idMap.get(id) ?? null) : null);
  const messages: ChatMessage[] = parsed.data.messages.map((message) => {
    const id = idMap.get(message.id) ?? createId();
    return {
      id,
      conversationId,
      role: message.role,
      content: message.content,
      reasoning: message.reasoning,
      status: message.status === 'sending' || message.status === 'streaming' ? 'stopped' : message.status,
      error: null,
      createdAt: message.createdAt,
      versionGroupId: mapId(message.versionGroupId) ?? message.versionGroupId ?? id,
      versionNumber: message.versionNumber,
      parentId: mapId(message.parentId),
      toolCalls: [],
      modelId: message.modelId,
      retryType: null,
      lastSeq: 0,
      reasoningDurationMilliseconds: null,
    };
  });
  const conversation: Conversation = {
    id: conversationId,
    ...parsed.data.conversation,
    activeLeafId: mapId(parsed.data.conversation.activeLeafId) ?? messages.at(-1)?.id ?? null,
  };
  return { conversation, messages };
}

/** The branch on screen as Markdown: a heading per speaker. */
export function conversationToMarkdown(conversation: Conversation, messages: readonly ChatMessage[]): string {
  const path = pathToLeaf(buildMessageTree(messages), conversation.activeLeafId);
  const parts = [`# ${conversation.title}`, ''];
  if (conversation.systemPrompt.trim()) parts.push('> System instructions: ' + conversation.systemPrompt.trim(), '');
  for (const message of path) {
    parts.push(message.role === 'user' ? '## You' : `## Assistant${message.modelId ? ` (${message.modelId})` : ''}`, '');
    parts.push(message.content, '');
  }
  return parts.join('\n');
}
