import { rethrowAsAppError } from '../../openai-compat/llm-error-to-app-error.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LlmClient, LlmTarget } from '../../providers/llm/llm-client.js';

/** What the builder needs of the providers domain (the same functions the engine's ports use). */
export interface BuilderModelDeps {
  llmClient: LlmClient;
  /** The user's model by id or alias. @throws AppError not_found / forbidden */
  resolveModel(userId: string, modelId: string): Promise<{ target: LlmTarget }>;
  /** The models the user may use, best first: the first is the default (as for agents' LLM blocks). */
  listUserModels(userId: string): Promise<Array<{ id: string }>>;
}

export interface BuilderTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Longest wait for one generator answer. */
const callTimeoutMs = 180_000;

/**
 * One non-streaming completion for the builder: `modelId`, else the user's default model. Nothing of the
 * prompt or the answer is logged here. @throws AppError (`validation_failed` without any model; provider
 * failures as the API's codes, 502 unless the client can fix them)
 */
export function createBuilderModel(deps: BuilderModelDeps) {
  return async function complete(userId: string, request: { modelId?: string | undefined; system: string; messages: BuilderTurn[]; temperature: number }): Promise<string> {
    const modelId = request.modelId ?? (await deps.listUserModels(userId))[0]?.id;
    if (!modelId) throw new AppError('validation_failed', 'No model is available to generate with: an administrator must add a provider first');
    const { target } = await deps.resolveModel(userId, modelId);
    try {
      const reply = await deps.llmClient.complete({
        target, system: request.system, temperature: request.temperature, signal: AbortSignal.timeout(callTimeoutMs),
        messages: request.messages.map((turn) => (turn.role === 'user' ? { role: 'user', content: turn.content } : { role: 'assistant', content: turn.content })),
      });
      return reply.text;
    } catch (error) {
      return rethrowAsAppError(error);
    }
  };
}
export type BuilderModel = ReturnType<typeof createBuilderModel>;
