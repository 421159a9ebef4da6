import { createOpenAI } from '@ai-sdk/openai';
import { readOpenAiModelList, trimBaseUrl, type LlmAdapter } from './llm-adapter.js';

/**
 * OpenAI itself. Uses the Chat Completions API (`.chat(model)`): `createOpenAI()(model)` would call
 * `/v1/responses`, which OpenAI-compatible servers and our doubles do not speak.
 */
export const openAiAdapter: LlmAdapter = {
  languageModel(target, fetch) {
    return createOpenAI({ baseURL: trimBaseUrl(target.baseUrl), apiKey: target.apiKey ?? '', fetch }).chat(target.model);
  },
  providerOptions(request) {
    // The SDK drops reasoningEffort (with a warning) for models that do not reason.
    return request.reasoning === true ? { openai: { reasoningEffort: 'medium' } } : undefined;
  },
  async listModels(target, getJson) {
    const headers: Record<string, string> = target.apiKey === null ? {} : { authorization: `Bearer ${target.apiKey}` };
    return readOpenAiModelList(await getJson(`${trimBaseUrl(target.baseUrl)}/models`, headers));
  },
};
