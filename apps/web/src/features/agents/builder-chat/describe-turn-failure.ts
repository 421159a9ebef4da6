import { generationFailedDetailsSchema } from '@claraverse/shared';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import type { TurnFailure } from './builder-turn';

/** At most this many of a 422's problems are named in the sentence; the rest are counted. */
export const namedProblemsLimit = 3;

/** A problem's text inside the sentence: "These blocks…" → "these blocks…" (an acronym or a name keeps its case). */
function inSentence(problem: string): string {
  return /^[A-Z][a-z]/.test(problem) ? `${problem[0]!.toLowerCase()}${problem.slice(1)}` : problem;
}

/** The sentence shown for a failed request; a 422 `generation_failed` names the problems of the generated workflow. */
export function describeTurnFailure(error: unknown): TurnFailure {
  if (error instanceof ApiError && error.code === 'generation_failed') {
    const parsed = generationFailedDetailsSchema.safeParse(error.details);
    // One problem can be reported for each block it involves (a cycle): name it once.
    const problems = [...new Set(parsed.success ? parsed.data.problems.map((problem) => problem.message.trim().replace(/\.$/, '')).filter((text) => text !== '') : [])];
    if (problems.length === 0) return { message: describeError(error), problems };
    const named = problems.slice(0, namedProblemsLimit).map(inSentence).join('; ');
    const more = problems.length - namedProblemsLimit;
    const rest = more > 0 ? `, and ${more} more problem${more === 1 ? '' : 's'}` : '';
    return { message: `The builder could not make a valid workflow: ${named}${rest}. Nothing was changed.`, problems };
  }
  if (error instanceof ApiError && error.code === 'validation_failed') {
    // A refused message names its field; otherwise the server's sentence says what is missing (no model yet…).
    const fieldErrors = error.fieldErrors;
    const message = fieldErrors['message'] ?? Object.values(fieldErrors)[0] ?? (error.message || describeError(error));
    return { message, problems: [] };
  }
  return { message: describeError(error), problems: [] };
}
