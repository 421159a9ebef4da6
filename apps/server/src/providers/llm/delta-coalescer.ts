import type { LlmStreamPart } from './llm-client.js';

/** Options of {@link createDeltaCoalescer}. */
export interface DeltaCoalescerOptions {
  /** Longest a delta waits for company before it is sent, in milliseconds. */
  windowMs: number;
  /** Pending text (UTF-16 units) at which it is sent at once, window or not. */
  maxChars: number;
  /** Receives the parts, in order, deltas merged. */
  emit(part: LlmStreamPart): void;
}

export interface DeltaCoalescer {
  /** Takes the next part of the stream. */
  push(part: LlmStreamPart): void;
  /** Sends pending text now (call before anything that is not a part: an error, the end of the stream). */
  flush(): void;
}

/** Relay defaults: one message per stream every 15 ms at most (per 16 KB at most), about one frame per display refresh. */
export const relayCoalescing = { windowMs: 15, maxChars: 16 * 1024 } as const;

/**
 * Merges consecutive text (or reasoning) deltas of one reply into fewer, larger deltas, so a relay sends one
 * message per `windowMs` instead of one per token. The first delta of each kind goes out at once (time to first
 * token is unchanged); a part of another kind (tool call, finish) sends pending text first, so order is kept.
 * Concatenating the emitted deltas gives exactly the pushed text.
 */
export function createDeltaCoalescer(options: DeltaCoalescerOptions): DeltaCoalescer {
  let pendingType: 'text-delta' | 'reasoning-delta' | undefined;
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const seen = new Set<'text-delta' | 'reasoning-delta'>();

  function flush(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pendingType === undefined) return;
    const part: LlmStreamPart = { type: pendingType, delta: pending };
    pendingType = undefined;
    pending = '';
    options.emit(part);
  }

  return {
    push(part) {
      if (part.type !== 'text-delta' && part.type !== 'reasoning-delta') {
        flush();
        options.emit(part);
        return;
      }
      if (pendingType !== undefined && pendingType !== part.type) flush();
      if (!seen.has(part.type)) {
        seen.add(part.type);
        options.emit(part);
        return;
      }
      pendingType = part.type;
      pending += part.delta;
      if (pending.length >= options.maxChars) flush();
      else timer ??= setTimeout(flush, options.windowMs);
    },
    flush,
  };
}
