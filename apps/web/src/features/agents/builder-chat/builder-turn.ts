import type { GenerationResult, SelectToolsResponse } from '@claraverse/shared';

/** Builder changes the workflow from words; Ask answers questions about the agent and changes nothing. */
export type BuilderMode = 'builder' | 'ask';

/** Why a turn failed, as a sentence a person understands (and a 422's problems one by one). */
export interface TurnFailure {
  message: string;
  problems: readonly string[];
}

/** One request to the two-step generator and what came of it. */
export interface GenerationTurn {
  kind: 'generation';
  id: string;
  message: string;
  /** `selecting` = step 1 (choosing tools) is running, `generating` = step 2 (the workflow). */
  status: 'selecting' | 'generating' | 'done' | 'failed';
  /** The editor had unsaved edits when it was sent: they went to the generator as the workflow to change. */
  includedUnsavedEdits: boolean;
  /** The step that failed. */
  failedStep?: 'select' | 'generate' | undefined;
  selection?: SelectToolsResponse | undefined;
  result?: GenerationResult | undefined;
  failure?: TurnFailure | undefined;
  /** The exchange could not be added to the conversation history (it happened all the same). */
  isUnrecorded?: boolean;
}

/** One Ask-mode question and its answer. */
export interface AskTurn {
  kind: 'ask';
  id: string;
  message: string;
  status: 'pending' | 'done' | 'failed';
  answer?: string | undefined;
  failure?: TurnFailure | undefined;
  isUnrecorded?: boolean;
}

export type BuilderTurn = GenerationTurn | AskTurn;

/** Whether a turn is still waiting for the server. */
export function isTurnRunning(turn: BuilderTurn): boolean {
  return turn.status === 'selecting' || turn.status === 'generating' || turn.status === 'pending';
}
