import type { ChatTurn } from '@claraverse/shared';
import type { ChatMessage, Conversation, RetryType } from './chat-types';

/** Hidden instruction sent in front of the last user turn for each retry variant (never stored or shown). */
export const retryInstructions: Record<RetryType, string | null> = {
  regenerate: null,
  'add-details': 'Give a more detailed and thorough answer than before, with explanations and examples where useful.',
  'more-concise': 'Answer more concisely than before: keep only what matters, in as few words as clarity allows.',
  'no-search': 'Answer from your own knowledge, without searching the web or using tools.',
  'think-longer': 'Think about this step by step and more carefully than before, checking your reasoning, then answer.',
};

export const retryLabels: Record<RetryType, string> = {
  regenerate: 'Regenerate',
  'add-details': 'Add details',
  'more-concise': 'More concise',
  'no-search': 'No search',
  'think-longer': 'Think longer',
};

/**
 * The turns sent with `chat.send` for a branch ending in a user message: the compaction summary (as a system
 * message) replaces the messages it covers; failed empty replies are left out; a retry variant's instruction is
 * put in front of the last user turn.
 */
export function buildTurns(
  conversation: Pick<Conversation, 'summary' | 'summaryThroughMessageId'>,
  path: readonly ChatMessage[],
  retryType: RetryType | null,
): ChatTurn[] {
  let startIndex = 0;
  const turns: ChatTurn[] = [];
  if (conversation.summary && conversation.summaryThroughMessageId) {
    const throughIndex = path.findIndex((message) => message.id === conversation.summaryThroughMessageId);
    if (throughIndex >= 0) {
      startIndex = throughIndex + 1;
      turns.push({
        role: 'system',
        content: `[Conversation Context Summary – ${throughIndex + 1} earlier messages]\n${conversation.summary}`,
      });
    }
  }
  for (const message of path.slice(startIndex)) {
    if (message.role === 'assistant' && !message.content.trim()) continue;
    const attachments = message.role === 'user' ? (message.attachments ?? []) : [];
    turns.push({
      role: message.role,
      content: message.content,
      // The server names expired uploads to the model, so older turns keep theirs too.
      ...(attachments.length > 0
        ? { attachments: attachments.map(({ fileId, filename, mimeType }) => ({ fileId, filename, mimeType })) }
        : {}),
    });
  }
  const instruction = retryType ? retryInstructions[retryType] : null;
  const lastTurn = turns.at(-1);
  if (instruction && lastTurn?.role === 'user') {
    turns[turns.length - 1] = { ...lastTurn, content: `[Instruction: ${instruction}]\n\n${lastTurn.content}` };
  }
  return turns;
}
