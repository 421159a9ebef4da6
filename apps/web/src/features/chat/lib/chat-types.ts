/** Lifecycle of a message: `sending` until the server starts the reply, `streaming` while tokens arrive. */
export type MessageStatus = 'sending' | 'streaming' | 'done' | 'error' | 'stopped';

/** The reference's retry variants; each sends a hidden instruction with the regenerated turn. */
export type RetryType = 'regenerate' | 'add-details' | 'more-concise' | 'no-search' | 'think-longer';

export interface ToolCall {
  id: string;
  name: string;
  displayName: string;
  args: unknown;
  status: 'executing' | 'completed' | 'failed';
  result: unknown;
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
}
