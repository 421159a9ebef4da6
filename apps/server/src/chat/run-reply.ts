import type { ChatErrorCode, ChatSendMessage, ChatTurn } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import { createDeltaCoalescer, relayCoalescing } from '../providers/llm/delta-coalescer.js';
import { LlmError, type LlmClient, type LlmMessage, type LlmUsage } from '../providers/llm/llm-client.js';
import { type ResolvedChatModel, defaultContextLength } from './chat-model.js';
import { planCompaction, summaryInstruction } from './compact-context.js';
import type { ReplyMessage } from './stream-buffer.js';

/** Distributes `Omit<T, K>` over a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A reply message before the envelope (conversation, message, seq) is added. */
export type ReplyPart = DistributiveOmit<ReplyMessage, 'conversationId' | 'messageId' | 'seq'>;

export interface ReplyContext {
  userId: string;
  request: ChatSendMessage;
  resolved: ResolvedChatModel;
  llmClient: LlmClient;
  signal: AbortSignal;
  emit(part: ReplyPart): void;
  logger: Logger;
}

const titleInstruction =
  'Write a short title (at most 5 words) for a conversation that starts with the message below. Answer with the title only, no quotes.';

/** Maps any failure to the chat.error fields a user can act on. */
export function toChatError(error: unknown): { code: ChatErrorCode; message: string; retryable: boolean } {
  if (error instanceof LlmError) return { code: error.code, message: error.message, retryable: error.retryable };
  if (error instanceof AppError) {
    const code: ChatErrorCode = error.code === 'not_found' ? 'model_not_found' : error.code === 'forbidden' ? 'provider_disabled' : 'invalid_request';
    return { code, message: error.message, retryable: false };
  }
  return { code: 'internal', message: 'Something went wrong while answering; try again', retryable: true };
}

function systemPromptOf(context: ReplyContext, summary: string | null): string | undefined {
  const parts = [context.resolved.provider.systemPrompt, context.resolved.model.systemPrompt, context.request.systemPrompt];
  if (summary) parts.push(`Summary of the earlier part of this conversation:\n${summary}`);
  const joined = parts.filter((part): part is string => Boolean(part?.trim())).join('\n\n');
  return joined || undefined;
}

/** Summarises old turns when the conversation does not fit the model's window; returns the turns to send. */
async function compactIfNeeded(context: ReplyContext): Promise<{ turns: ChatTurn[]; summary: string | null }> {
  const plan = planCompaction(context.request.messages, context.resolved.model.contextLength ?? defaultContextLength);
  if (plan.toSummarise.length === 0) return { turns: plan.recent, summary: null };
  context.emit({ type: 'chat.compaction', status: 'started', progress: 0 });
  context.emit({ type: 'chat.compaction', status: 'summarizing', progress: 30 });
  const transcript = plan.toSummarise.map((turn) => `${turn.role.toUpperCase()}: ${turn.content}`).join('\n\n');
  const { text } = await context.llmClient.complete({
    target: context.resolved.target,
    system: summaryInstruction,
    messages: [{ role: 'user', content: transcript }],
    temperature: 0.3,
    maxOutputTokens: 2_000,
    signal: context.signal,
  });
  const summary = text.trim();
  context.emit({ type: 'chat.compaction', status: 'completed', progress: 100, summary });
  return { turns: plan.recent, summary };
}

/** Streams the model's answer into reply parts; returns the usage and how it ended. */
async function streamAnswer(context: ReplyContext, turns: ChatTurn[], summary: string | null) {
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  const options = context.request.options ?? {};
  const stream = context.llmClient.streamChat({
    target: context.resolved.target,
    messages: turns.filter((turn) => turn.role !== 'system').map((turn): LlmMessage => ({ role: turn.role, content: turn.content })),
    system: [systemPromptOf(context, summary), ...turns.filter((turn) => turn.role === 'system').map((turn) => turn.content)].filter(Boolean).join('\n\n') || undefined,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
    ...(options.reasoning === undefined ? {} : { reasoning: options.reasoning }),
    signal: context.signal,
  });
  // Deltas are merged into one message per ~15 ms (the first one goes out at once); pending text is flushed
  // before the finish, an error or a stop, so seq order and the text are exactly what the provider sent.
  const coalescer = createDeltaCoalescer({
    ...relayCoalescing,
    emit(part) {
      if (part.type === 'text-delta') context.emit({ type: 'chat.text-delta', delta: part.delta });
      else if (part.type === 'reasoning-delta') context.emit({ type: 'chat.reasoning-delta', delta: part.delta });
    },
  });
  try {
    for await (const part of stream) {
      if (part.type === 'finish') {
        usage.inputTokens = part.usage.inputTokens;
        usage.outputTokens = part.usage.outputTokens;
        return { usage, finishReason: part.finishReason };
      }
      coalescer.push(part);
    }
  } finally {
    coalescer.flush();
  }
  return { usage, finishReason: context.signal.aborted ? ('stopped' as const) : ('other' as const) };
}

/**
 * A model's title answer as a plain title: its first non-empty line, without markdown markers or quotes, at
 * most 8 words and 80 characters.
 */
export function cleanTitle(text: string): string {
  const firstLine = text.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
  return firstLine
    .replace(/^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|title:\s*)/i, '')
    .replace(/[*_`~]/g, '')
    .replace(/^["'\s]+|["'\s.:;,!-]+$/g, '')
    .split(/\s+/)
    .slice(0, 8)
    .join(' ')
    .slice(0, 80);
}

/** A short title after the first exchange; failures are ignored (the browser keeps its own). */
async function generateTitle(context: ReplyContext): Promise<void> {
  const first = context.request.messages.find((turn) => turn.role === 'user');
  if (!first || context.request.messages.filter((turn) => turn.role !== 'system').length !== 1) return;
  try {
    const { text } = await context.llmClient.complete({
      target: context.resolved.target,
      system: titleInstruction,
      messages: [{ role: 'user', content: first.content.slice(0, 2_000) }],
      temperature: 0.2,
      maxOutputTokens: 24,
      signal: context.signal,
    });
    const title = cleanTitle(text);
    if (title) context.emit({ type: 'chat.title', title });
  } catch (error) {
    context.logger.debug({ err: error instanceof Error ? error.name : 'unknown' }, 'title generation failed');
  }
}

/**
 * One assistant reply: compaction if needed → streamed answer → finish (or stopped / error) → title after the
 * first exchange. Never throws: every failure becomes a `chat.error` part. Returns the usage to record.
 */
export async function runReply(context: ReplyContext): Promise<LlmUsage> {
  context.emit({ type: 'chat.start', modelId: context.resolved.model.id });
  try {
    const { turns, summary } = await compactIfNeeded(context);
    const { usage, finishReason } = await streamAnswer(context, turns, summary);
    context.emit({ type: 'chat.finish', finishReason: context.signal.aborted ? 'stopped' : finishReason, usage });
    if (!context.signal.aborted) await generateTitle(context);
    return usage;
  } catch (error) {
    if (context.signal.aborted) {
      context.emit({ type: 'chat.finish', finishReason: 'stopped', usage: { inputTokens: 0, outputTokens: 0 } });
    } else {
      context.emit({ type: 'chat.error', ...toChatError(error) });
    }
    return { inputTokens: 0, outputTokens: 0 };
  }
}
