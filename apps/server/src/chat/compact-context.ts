import type { ChatTurn } from '@claraverse/shared';

/** Rough token estimate used for context planning: 1 token ≈ 4 characters, plus 10 per message. */
export function estimateTokens(turns: readonly ChatTurn[]): number {
  return turns.reduce((total, turn) => total + Math.ceil(turn.content.length / 4) + 10, 0);
}

const longMessageChars = 50_000;

/** Shortens one huge message to its first 25,000 and last 12,500 characters (reference §2.1, step 1). */
export function truncateLongTurn(turn: ChatTurn): ChatTurn {
  if (turn.content.length <= longMessageChars) return turn;
  const omitted = turn.content.length - 37_500;
  return { ...turn, content: `${turn.content.slice(0, 25_000)}\n\n[… ${omitted} characters omitted …]\n\n${turn.content.slice(-12_500)}` };
}

export interface CompactionPlan {
  /** Older turns to summarise (empty when the conversation fits). */
  toSummarise: ChatTurn[];
  /** Turns sent verbatim after the summary. */
  recent: ChatTurn[];
}

/**
 * Decides whether the conversation must be compacted to fit `contextLength` tokens: when the estimate exceeds
 * 75 % of the window, older turns are summarised and the most recent ones (at least the last two, as many as fit
 * in half the window) are kept verbatim.
 */
export function planCompaction(turns: readonly ChatTurn[], contextLength: number): CompactionPlan {
  const shortened = turns.map(truncateLongTurn);
  if (estimateTokens(shortened) <= contextLength * 0.75 || shortened.length < 4) return { toSummarise: [], recent: shortened };
  let keep = 2;
  while (keep < shortened.length - 1 && estimateTokens(shortened.slice(-(keep + 1))) <= contextLength * 0.5) keep += 1;
  return { toSummarise: shortened.slice(0, shortened.length - keep), recent: shortened.slice(-keep) };
}

/** The instruction given to the model that writes the summary. */
export const summaryInstruction =
  'You summarise technical conversations. Write a faithful summary of the conversation so far that keeps every ' +
  'fact, decision, file name, number, open question and the current state of the work, in at most 1,500 words. ' +
  'Write only the summary.';
