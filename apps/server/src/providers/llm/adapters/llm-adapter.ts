import type { LanguageModel } from 'ai';
import type { ListedModel, LlmRequest, LlmTarget } from '../llm-client.js';

/** Provider options as the AI SDK takes them (`{ [provider]: { … } }`). */
export type AdapterProviderOptions = Record<string, Record<string, string | number | boolean | Record<string, string | number | boolean>>>;

/** GETs JSON from the provider with the given headers; throws a classified `LlmError` on failure. */
export type JsonGetter = (url: string, headers: Record<string, string>) => Promise<unknown>;

/**
 * One provider kind's configuration over the AI SDK (CONVENTIONS §2.9): how to build its language model, which
 * provider options switch reasoning on, and how to read its model list.
 */
export interface LlmAdapter {
  /** The AI SDK model for this target; `fetch` is used for every HTTP call the SDK makes. */
  languageModel(target: LlmTarget, fetch: typeof globalThis.fetch): LanguageModel;
  /** Provider options for this request (reasoning), or undefined. */
  providerOptions(request: LlmRequest): AdapterProviderOptions | undefined;
  /** `maxOutputTokens` to send when the request has none (Anthropic requires `max_tokens`). */
  defaultMaxOutputTokens?: number;
  /** The provider's models, unsorted. @throws LlmError */
  listModels(target: Omit<LlmTarget, 'model'>, getJson: JsonGetter): Promise<ListedModel[]>;
}

/** The base URL without trailing slashes, so `${base}/models` never has `//`. */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** Reads an OpenAI-style `{ data: [{ id }] }` list (OpenAI, Ollama, vLLM, LM Studio, OpenRouter …). */
export function readOpenAiModelList(body: unknown): ListedModel[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  return data.flatMap((entry: unknown) => {
    const model = entry as { id?: unknown; name?: unknown; context_length?: unknown; context_window?: unknown };
    if (typeof model.id !== 'string') return [];
    const listed: ListedModel = { name: model.id };
    if (typeof model.name === 'string' && model.name !== model.id) listed.displayName = model.name;
    const contextLength = model.context_length ?? model.context_window;
    if (typeof contextLength === 'number') listed.contextLength = contextLength;
    return [listed];
  });
}
