import type { GenerationProblem } from '@claraverse/shared';
import type { Engine } from '@claraverse/engine';
import { AppError } from '../../platform/errors/app-error.js';
import type { BuilderModel, BuilderTurn } from './builder-model.js';
import { generationSystemPrompt, repairRequest } from './builder-prompts.js';
import { extractJson } from './extract-json.js';
import { repairWorkflow, type RepairedWorkflow } from './repair-workflow.js';

export interface GeneratedWorkflow {
  workflow: RepairedWorkflow['workflow'];
  explanation: string;
  repairs: string[];
  suggestedName?: string;
  suggestedDescription?: string;
}

export interface GenerateWorkflowRequest {
  userId: string;
  modelId?: string | undefined;
  message: string;
  /** Earlier builder-conversation turns. */
  history: BuilderTurn[];
  /** The tools section of the prompt (only the tools the model may use) and how it lists them. */
  toolsSection: string;
  toolsHeading: string;
  /** Tool names that exist for the user (unknown ones in the answer are repaired or reported). */
  knownTools: ReadonlySet<string>;
  /** Present for `modify`. */
  currentWorkflow?: unknown;
}

/** The largest current workflow sent to the model (about 50k tokens). */
const maxCurrentWorkflowChars = 200_000;

/** The current workflow as the prompt shows it. @throws AppError validation_failed when it is too large for the model */
export function currentWorkflowText(workflow: unknown): string | undefined {
  if (workflow === undefined) return undefined;
  const text = JSON.stringify(workflow, null, 1);
  if (text.length > maxCurrentWorkflowChars) {
    throw new AppError('validation_failed', `The workflow is too large for the AI builder to change (${Math.round(text.length / 1000)}k characters, at most ${maxCurrentWorkflowChars / 1000}k); edit it in the editor instead`);
  }
  return text;
}

interface Attempt {
  generated?: GeneratedWorkflow;
  problems: GenerationProblem[];
}

const shortText = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);

/** Parses, repairs and validates one answer of the model. */
function check(answer: string, request: GenerateWorkflowRequest, engine: Pick<Engine, 'validate'>): Attempt {
  const parsed = extractJson(answer);
  if (parsed === undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ message: 'The answer was not one JSON object of the form {"workflow": …, "explanation": …}.' }] };
  }
  const document = parsed as Record<string, unknown>;
  // Tolerated: the workflow itself at the top level.
  const candidate = document['workflow'] ?? (Array.isArray(document['blocks']) ? document : undefined);
  const repaired = repairWorkflow(candidate ?? {}, request.knownTools);
  const problems = [...repaired.problems];
  if (repaired.workflow.blocks.length > 0) {
    for (const issue of engine.validate(repaired.workflow)) {
      if (issue.blockIds.length === 0) problems.push({ message: issue.message });
      for (const blockId of issue.blockIds) problems.push({ blockId, message: issue.message });
    }
  }
  const suggestedName = shortText(document['suggestedName'], 200);
  const suggestedDescription = shortText(document['suggestedDescription'], 2000);
  return {
    problems,
    generated: {
      workflow: repaired.workflow,
      explanation: shortText(document['explanation'], 5000) ?? 'Generated the workflow.',
      repairs: repaired.repairs,
      ...(suggestedName ? { suggestedName } : {}),
      ...(suggestedDescription ? { suggestedDescription } : {}),
    },
  };
}

/**
 * Step 2 of the generator (reference §3.7): asks the model for the workflow, repairs it mechanically and
 * validates it with the engine; when problems remain, ONE repair round sends them back to the model. Saves
 * nothing. @throws AppError `generation_failed` (422) with `details.problems` when it stays invalid
 */
export async function generateWorkflow(deps: { complete: BuilderModel; engine: Pick<Engine, 'validate'> }, request: GenerateWorkflowRequest): Promise<GeneratedWorkflow> {
  const current = currentWorkflowText(request.currentWorkflow);
  const system = generationSystemPrompt({
    tools: request.toolsSection, toolsHeading: request.toolsHeading,
    ...(current === undefined ? {} : { currentWorkflow: current }),
  });
  const messages: BuilderTurn[] = [...request.history, { role: 'user', content: request.message }];
  const first = await deps.complete(request.userId, { modelId: request.modelId, system, messages, temperature: 0.3 });
  const firstAttempt = check(first, request, deps.engine);
  if (firstAttempt.problems.length === 0 && firstAttempt.generated) return firstAttempt.generated;

  const second = await deps.complete(request.userId, {
    modelId: request.modelId, system, temperature: 0.2,
    messages: [...messages, { role: 'assistant', content: first }, { role: 'user', content: repairRequest(firstAttempt.problems) }],
  });
  const secondAttempt = check(second, request, deps.engine);
  if (secondAttempt.problems.length === 0 && secondAttempt.generated) {
    const fixed = firstAttempt.problems.length;
    return { ...secondAttempt.generated, repairs: [`Asked the model to fix ${fixed} problem${fixed === 1 ? '' : 's'}: ${firstAttempt.problems.slice(0, 5).map((problem) => problem.message).join(' ')}`, ...secondAttempt.generated.repairs] };
  }
  const problems = secondAttempt.problems.slice(0, 100);
  const blockIds = [...new Set(problems.flatMap((problem) => (problem.blockId ? [problem.blockId] : [])))];
  throw new AppError(
    'generation_failed',
    `The generated workflow is still not valid after a repair round (${problems.length} problem${problems.length === 1 ? '' : 's'}${blockIds.length > 0 ? `, blocks ${blockIds.slice(0, 5).join(', ')}` : ''}). Nothing was saved; try rephrasing the request.`,
    { problems },
  );
}
