import type { ChatServerMessage } from '@claraverse/shared';
import type { ChatMessage, ChatPrompt, ChatPromptStatus, GeneratedImageReference, ToolPlot } from '../lib/chat-types';

/** Server messages that belong to one reply (they carry `conversationId`, `messageId` and `seq`). */
export type ReplyMessage = Exclude<ChatServerMessage, { type: 'pong' }>;

export type ReplyOutcome =
  /** Applied in order. */
  | 'applied'
  /** Already applied (replayed after a resume): ignored. */
  | 'duplicate'
  /** One or more earlier messages are missing: not applied; ask for a resume from `lastSeq`. */
  | 'gap';

/** An image a tool made, with its bytes, to keep in the browser's image store. */
export interface ArrivedImage extends GeneratedImageReference {
  /** Base64 bytes (the matching plot of the tool result). */
  data: string;
}

export interface ReplySideEffects {
  title?: string;
  /** Images of a tool result, to store (the message keeps only their references). */
  images?: ArrivedImage[];
  compaction?: { status: 'started' | 'summarizing' | 'completed'; progress: number; summary?: string };
}

export interface ReplyResult {
  message: ChatMessage;
  outcome: ReplyOutcome;
  effects: ReplySideEffects;
}

/**
 * Applies one reply message to the assistant message it fills. Pure: returns a new message, or the same object
 * when nothing changed. Messages are applied strictly in `seq` order; see {@link ReplyOutcome}.
 * `now` is epoch milliseconds (used to time the reasoning).
 */
export function applyReplyMessage(current: ChatMessage, incoming: ReplyMessage, now: number): ReplyResult {
  if (incoming.seq <= current.lastSeq) return { message: current, outcome: 'duplicate', effects: {} };
  if (incoming.seq > current.lastSeq + 1) return { message: current, outcome: 'gap', effects: {} };
  const next: ChatMessage = { ...current, lastSeq: incoming.seq };
  const effects: ReplySideEffects = {};
  const endReasoning = () => {
    if (next.reasoning && next.reasoningDurationMilliseconds === null) {
      next.reasoningDurationMilliseconds = Math.max(0, now - next.createdAt);
    }
  };
  switch (incoming.type) {
    case 'chat.start':
      next.status = 'streaming';
      next.modelId = incoming.modelId;
      break;
    case 'chat.text-delta':
      endReasoning();
      next.status = 'streaming';
      next.content = current.content + incoming.delta;
      break;
    case 'chat.reasoning-delta':
      next.status = 'streaming';
      next.reasoning = current.reasoning + incoming.delta;
      break;
    case 'chat.tool-call':
      next.toolCalls = [
        ...current.toolCalls,
        {
          id: incoming.toolCallId,
          name: incoming.toolName,
          displayName: incoming.displayName,
          icon: incoming.icon,
          args: incoming.args,
          status: 'executing',
          result: null,
          contentOffset: current.content.length,
        },
      ];
      break;
    case 'chat.tool-result':
      applyToolResult(next, incoming, effects);
      break;
    case 'prompt.request':
      next.prompts = [...(current.prompts ?? []), promptFrom(incoming, current)];
      break;
    case 'chat.finish':
      endReasoning();
      next.status = incoming.finishReason === 'stopped' ? 'stopped' : incoming.finishReason === 'error' ? 'error' : 'done';
      break;
    case 'chat.error':
      endReasoning();
      next.status = 'error';
      next.error = { code: incoming.code, message: incoming.message, retryable: incoming.retryable };
      break;
    case 'chat.title':
      effects.title = incoming.title;
      break;
    case 'chat.compaction':
      effects.compaction = {
        status: incoming.status,
        progress: incoming.progress,
        ...(incoming.summary === undefined ? {} : { summary: incoming.summary }),
      };
      break;
  }
  return { message: next, outcome: 'applied', effects };
}

/** A tool's outcome onto its card; its images' bytes become an effect, and an `ask_user` form it leaves waiting closes. */
function applyToolResult(next: ChatMessage, incoming: Extract<ReplyMessage, { type: 'chat.tool-result' }>, effects: ReplySideEffects): void {
  const { plots, images, arrived } = splitToolImages(incoming.plots ?? [], incoming.images ?? []);
  next.toolCalls = next.toolCalls.map((call) =>
    call.id === incoming.toolCallId
      ? {
          ...call,
          status: incoming.status,
          result: incoming.result,
          ...(plots.length > 0 ? { plots } : {}),
          ...(images.length > 0 ? { images } : {}),
        }
      : call,
  );
  if (arrived.length > 0) effects.images = arrived;
  const prompts = closePromptOf(next.prompts, incoming.toolCallId, incoming.result);
  if (prompts) next.prompts = prompts;
}

/**
 * The images of a tool result are its first plots (`images[i]` is `plots[i]`): their bytes go to the image store
 * and the message keeps only the references; any other plot stays on the card.
 */
function splitToolImages(plots: ToolPlot[], images: GeneratedImageReference[]) {
  const arrived: ArrivedImage[] = [];
  images.forEach((image, index) => {
    const plot = plots[index];
    if (plot) arrived.push({ handle: image.handle, fileId: image.fileId, mimeType: image.mimeType, data: plot.data });
  });
  return {
    plots: plots.slice(images.length).map((plot) => ({ format: plot.format, data: plot.data })),
    images: images.map((image) => ({ handle: image.handle, fileId: image.fileId, mimeType: image.mimeType })),
    arrived,
  };
}

/** A new form, tied to the `ask_user` call that is running and has no form yet. */
function promptFrom(incoming: Extract<ReplyMessage, { type: 'prompt.request' }>, current: ChatMessage): ChatPrompt {
  const taken = new Set((current.prompts ?? []).map((prompt) => prompt.toolCallId));
  const call = current.toolCalls.find((candidate) => candidate.name === 'ask_user' && candidate.status === 'executing' && !taken.has(candidate.id));
  return {
    id: incoming.promptId,
    title: incoming.title,
    ...(incoming.description ? { description: incoming.description } : {}),
    questions: incoming.questions,
    allowSkip: incoming.allowSkip,
    expiresAt: incoming.expiresAt,
    toolCallId: call?.id ?? null,
    contentOffset: current.content.length,
    status: 'waiting',
  };
}

/** `ask_user` results say how the form ended (`answered`, `skipped`, `timeout`). */
function promptStatusOf(result: unknown): ChatPromptStatus {
  const status = result !== null && typeof result === 'object' ? (result as { status?: unknown }).status : undefined;
  if (status === 'answered') return 'answered';
  if (status === 'skipped') return 'skipped';
  return 'expired';
}

/** Closes the form of a finished `ask_user` call if it still waits (answered elsewhere, timed out, stopped). */
function closePromptOf(prompts: ChatPrompt[] | undefined, toolCallId: string, result: unknown): ChatPrompt[] | undefined {
  if (!prompts?.some((prompt) => prompt.toolCallId === toolCallId && prompt.status === 'waiting')) return prompts;
  return prompts.map((prompt) =>
    prompt.toolCallId === toolCallId && prompt.status === 'waiting' ? { ...prompt, status: promptStatusOf(result) } : prompt,
  );
}

/** True while the server may still send text for this message. */
export function isMessageInFlight(message: Pick<ChatMessage, 'status'>): boolean {
  return message.status === 'sending' || message.status === 'streaming';
}
