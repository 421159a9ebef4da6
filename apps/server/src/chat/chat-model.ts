import type { LlmTarget } from '../providers/llm/llm-client.js';

/** What the chat needs of a resolved model (the providers domain returns more). */
export interface ResolvedChatModel {
  model: { id: string; name: string; contextLength: number | null; systemPrompt: string | null; capabilities?: { vision?: boolean } };
  provider: { systemPrompt: string | null };
  target: LlmTarget;
  toolsUnsupported: boolean;
}

/** Finds the model a user asked for (id, alias or name). @throws AppError not_found / forbidden */
export type ModelResolver = (userId: string, modelIdOrAlias: string) => Promise<ResolvedChatModel>;

/** Context window assumed for a model whose length is unknown. */
export const defaultContextLength = 32_768;
