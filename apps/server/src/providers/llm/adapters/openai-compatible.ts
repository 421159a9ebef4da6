import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { readOpenAiModelList, trimBaseUrl, type LlmAdapter } from './llm-adapter.js';

/**
 * Any Chat Completions server: Ollama (`http://127.0.0.1:11434/v1`), vLLM, llama.cpp, LM Studio, OpenRouter …
 * This provider reads `delta.reasoning_content` (and `delta.reasoning`) into reasoning parts, which the OpenAI
 * provider's chat model does not. `includeUsage` asks for the final usage chunk.
 */
export const openAiCompatibleAdapter: LlmAdapter = {
  languageModel(target, fetch) {
    const provider = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: trimBaseUrl(target.baseUrl),
      ...(target.apiKey === null || target.apiKey === '' ? {} : { apiKey: target.apiKey }),
      includeUsage: true,
      fetch,
    });
    return provider.chatModel(target.model);
  },
  providerOptions() {
    // Servers differ on how to ask for thinking; reasoning models think by default and stream reasoning_content.
    return undefined;
  },
  async listModels(target, getJson) {
    const headers: Record<string, string> = target.apiKey === null || target.apiKey === '' ? {} : { authorization: `Bearer ${target.apiKey}` };
    return readOpenAiModelList(await getJson(`${trimBaseUrl(target.baseUrl)}/models`, headers));
  },
};
