import type { ChatErrorCode, ChatSendMessage, ChatTurn } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import { createDeltaCoalescer, relayCoalescing } from '../providers/llm/delta-coalescer.js';
import { LlmError, type LlmClient, type LlmMessage, type LlmToolCall, type LlmToolDefinition, type LlmUsage } from '../providers/llm/llm-client.js';
import type { ToolContext, ToolPlot } from '../tools/define-tool.js';
import type { ToolFiles } from '../tools/tool-ports.js';
import { createReplyImages, type RegisteredImage, type ReplyImages, toLlmMessages } from './conversation-media.js';
import { runToolCall } from '../tools/run-tool-call.js';
import type { RegisteredTool } from '../tools/tool-registry.js';
import { type ResolvedChatModel, defaultContextLength } from './chat-model.js';
import { planCompaction, summaryInstruction } from './compact-context.js';
import type { ReplyMessage } from './stream-buffer.js';

/** Distributes `Omit<T, K>` over a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A reply message before the envelope (conversation, message, seq) is added. */
export type ReplyPart = DistributiveOmit<ReplyMessage, 'conversationId' | 'messageId' | 'seq'>;

/** The tools a reply may use, already chosen (predictor, per-chat switch, model support). */
export interface ReplyTools {
  tools: RegisteredTool[];
  /** The ports a tool call gets, bound to this reply's user and stop signal. */
  createContext(signal: AbortSignal): ToolContext;
  /** Tool-call rounds before the model must answer without tools. */
  maxSteps: number;
  defaultTimeoutMs: number;
  /** The model refused tools: remember it so later requests don't offer them. */
  markToolsUnsupported(): Promise<void>;
}

export interface ReplyContext {
  userId: string;
  tools?: ReplyTools | null;
  /** Reads attachments and keeps generated images; null where uploads are not available. */
  files?: ToolFiles | null;
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

/** What one model call produced: its usage, how it ended, its text and the tool calls it asked for. */
interface StepResult {
  usage: LlmUsage;
  finishReason: 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'stopped' | 'other';
  text: string;
  toolCalls: LlmToolCall[];
}

/** Streams one model call into reply parts (text and reasoning deltas); tool calls are collected, not run. */
async function streamStep(context: ReplyContext, messages: LlmMessage[], system: string | undefined, tools: LlmToolDefinition[]): Promise<StepResult> {
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  const options = context.request.options ?? {};
  const stream = context.llmClient.streamChat({
    target: context.resolved.target,
    messages,
    system,
    ...(tools.length > 0 ? { tools } : {}),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
    ...(options.reasoning === undefined ? {} : { reasoning: options.reasoning }),
    signal: context.signal,
  });
  let text = '';
  const toolCalls: LlmToolCall[] = [];
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
        return { usage, finishReason: part.finishReason, text, toolCalls };
      }
      if (part.type === 'tool-call') {
        toolCalls.push({ toolCallId: part.toolCallId, toolName: part.toolName, args: part.args });
        continue;
      }
      if (part.type === 'text-delta') text += part.delta;
      coalescer.push(part);
    }
  } finally {
    coalescer.flush();
  }
  return { usage, finishReason: context.signal.aborted ? 'stopped' : 'other', text, toolCalls };
}

/** Runs the step's tool calls in parallel, streaming a card for each; returns the `tool` messages for the model. */
async function runStepTools(context: ReplyContext, tools: ReplyTools, images: ReplyImages, calls: LlmToolCall[]): Promise<LlmMessage[]> {
  const byName = new Map(tools.tools.map((tool) => [tool.name, tool]));
  for (const call of calls) {
    const tool = byName.get(call.toolName);
    context.emit({
      type: 'chat.tool-call', toolCallId: call.toolCallId, toolName: call.toolName,
      displayName: tool?.displayName ?? call.toolName, icon: tool?.icon ?? 'Wrench', args: call.args,
    });
  }
  const toolContext: ToolContext = { ...tools.createContext(context.signal), resolveImage: (handle) => images.resolve(handle) };
  return Promise.all(
    calls.map(async (call): Promise<LlmMessage> => {
      const tool = byName.get(call.toolName);
      const outcome = await runToolCall(tool, call, toolContext, tools.defaultTimeoutMs);
      // Generated and edited images get handles the model can pass back (`image_id: "img-3"`).
      const registered = tool?.category === 'media' ? await registerImages(context, images, outcome.plots) : [];
      context.emit({
        type: 'chat.tool-result', toolCallId: call.toolCallId, status: outcome.status, result: outcome.result,
        ...(outcome.plots.length > 0 ? { plots: outcome.plots } : {}),
        ...(registered.length > 0 ? { images: registered } : {}),
      });
      const handles = registered.length > 0 ? `\nImages: ${registered.map((image) => image.handle).join(', ')} (pass one as image_id to edit or describe it).` : '';
      return { role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, content: outcome.modelContent + handles };
    }),
  );
}

async function registerImages(context: ReplyContext, images: ReplyImages, plots: ToolPlot[]): Promise<RegisteredImage[]> {
  const registered: RegisteredImage[] = [];
  for (const plot of plots) {
    try {
      const image = await images.register(plot);
      if (image) registered.push(image);
    } catch (error) {
      context.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'a generated image could not be kept');
    }
  }
  return registered;
}

/**
 * The model's answer: stream, run the tools it asks for (each step's calls in parallel), feed the results back,
 * repeat until it answers without tools or the step limit is reached (then one last call without tools). A
 * model that refuses tools is marked and asked again without them.
 */
async function answerWithTools(context: ReplyContext, turns: ChatTurn[], summary: string | null) {
  const total: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  const system = [systemPromptOf(context, summary), ...turns.filter((turn) => turn.role === 'system').map((turn) => turn.content)].filter(Boolean).join('\n\n') || undefined;
  const files = context.files ?? null;
  const messages = await toLlmMessages(turns, { userId: context.userId, files, vision: context.resolved.model.capabilities?.vision === true });
  const images = createReplyImages({ userId: context.userId, files, known: context.request.images ?? [] });
  let tools = context.tools && context.tools.tools.length > 0 ? context.tools : null;
  const maxSteps = tools?.maxSteps ?? 0;
  for (let step = 0; ; step += 1) {
    const offered: LlmToolDefinition[] = tools && step < maxSteps
      ? tools.tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputJsonSchema }))
      : [];
    let result: StepResult;
    try {
      result = await streamStep(context, messages, system, offered);
    } catch (error) {
      if (!(error instanceof LlmError && error.isToolsUnsupported && tools)) throw error;
      context.logger.info({ modelId: context.resolved.model.id }, 'model refused tools; retrying without them');
      await tools.markToolsUnsupported();
      tools = null;
      step -= 1;
      continue;
    }
    total.inputTokens += result.usage.inputTokens;
    total.outputTokens += result.usage.outputTokens;
    if (!tools || result.toolCalls.length === 0 || offered.length === 0 || context.signal.aborted) {
      return { usage: total, finishReason: result.finishReason };
    }
    messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
    messages.push(...(await runStepTools(context, tools, images, result.toolCalls)));
    if (context.signal.aborted) return { usage: total, finishReason: 'stopped' as const };
  }
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
    const { usage, finishReason } = await answerWithTools(context, turns, summary);
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
