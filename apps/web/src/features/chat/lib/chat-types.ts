import type { PromptQuestion } from '@claraverse/shared';

/** Lifecycle of a message: `sending` until the server starts the reply, `streaming` while tokens arrive. */
export type MessageStatus = 'sending' | 'streaming' | 'done' | 'error' | 'stopped';

/** The reference's retry variants; each sends a hidden instruction with the regenerated turn. */
export type RetryType = 'regenerate' | 'add-details' | 'more-concise' | 'no-search' | 'think-longer';

export interface ToolCall {
  id: string;
  name: string;
  displayName: string;
  /** Lucide icon name the server gave (absent on calls stored before icons were kept). */
  icon?: string;
  args: unknown;
  status: 'executing' | 'completed' | 'failed';
  result: unknown;
  /** Length of the message's text when the call arrived: the card is shown at that point of the text. */
  contentOffset?: number;
  /** Figures the tool drew (base64), other than the images below. */
  plots?: ToolPlot[];
  /** Images the tool generated or edited; their bytes are in the browser's image store. */
  images?: GeneratedImageReference[];
}

/** A figure of a tool result, e.g. a matplotlib chart. */
export interface ToolPlot {
  /** `png`, `jpg`, `svg`… */
  format: string;
  /** Base64 bytes. */
  data: string;
}

/** A generated or edited image by the handle the model knows it by (`img-3`). */
export interface GeneratedImageReference {
  handle: string;
  fileId: string;
  mimeType: string;
}

/** A file the user attached to a message (an upload on the server, by id). */
export interface MessageAttachment {
  fileId: string;
  filename: string;
  mimeType: string;
  /** Bytes. */
  size: number;
  /** A small JPEG data URL of an image attachment, made in the browser (the upload itself expires). */
  thumbnailDataUrl?: string;
}

/** Where an `ask_user` form stands: waiting, or closed by an answer, a skip or its deadline. */
export type ChatPromptStatus = 'waiting' | 'answered' | 'skipped' | 'expired';

export type PromptAnswerValue = string | number | boolean | string[];

/** An `ask_user` form the model showed inside its reply. */
export interface ChatPrompt {
  id: string;
  title: string;
  description?: string;
  questions: PromptQuestion[];
  allowSkip: boolean;
  /** ISO instant after which the server no longer waits. */
  expiresAt: string;
  /** The `ask_user` call that showed it, when known. */
  toolCallId: string | null;
  /** Length of the message's text when the form arrived. */
  contentOffset: number;
  status: ChatPromptStatus;
  /** What the user sent, once answered. */
  answers?: Record<string, PromptAnswerValue>;
}

export interface MessageError {
  code: string;
  message: string;
  retryable: boolean;
}

/** One message as stored in IndexedDB. Edits and regenerations are siblings sharing `parentId`. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  status: MessageStatus;
  error: MessageError | null;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Id of the first version; versions of one turn share it. */
  versionGroupId: string;
  /** 1-based. */
  versionNumber: number;
  /** The message this one answers or follows; null for the first message. */
  parentId: string | null;
  toolCalls: ToolCall[];
  modelId: string | null;
  retryType: RetryType | null;
  /** Last reply `seq` applied, so that a resume asks only for what is missing. */
  lastSeq: number;
  /** Milliseconds spent reasoning, once known. */
  reasoningDurationMilliseconds: number | null;
  /** User messages: the files sent with it. */
  attachments?: MessageAttachment[];
  /** Assistant messages: `ask_user` forms, in the order they came. */
  prompts?: ChatPrompt[];
}

export interface Conversation {
  id: string;
  title: string;
  modelId: string | null;
  systemPrompt: string;
  isStarred: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Summary of older messages returned by context compaction; sent as a system message on later turns. */
  summary?: string;
  /** The summary covers the path up to and including this message. */
  summaryThroughMessageId?: string;
  /** The newest message of the branch on screen; the visible path is its ancestors. */
  activeLeafId: string | null;
  /** The user turned tools off for this chat (absent: on). */
  isToolsDisabled?: boolean;
}
