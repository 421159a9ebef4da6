import { createAnthropic } from '@ai-sdk/anthropic';
import type { ListedModel } from '../llm-client.js';
import { trimBaseUrl, type LlmAdapter } from './llm-adapter.js';

const anthropicVersion = '2023-06-01';
/** Anthropic caps `limit` at 1000; paging stops after this many pages as a guard against a looping server. */
const maxPages = 20;

interface AnthropicModelPage {
  data?: { id?: unknown; display_name?: unknown }[];
  has_more?: unknown;
  last_id?: unknown;
}

/** Anthropic's Messages API. `baseUrl` ends in `/v1` (`https://api.anthropic.com/v1`). */
export const anthropicAdapter: LlmAdapter = {
  languageModel(target, fetch) {
    return createAnthropic({ baseURL: trimBaseUrl(target.baseUrl), apiKey: target.apiKey ?? '', fetch })(target.model);
  },
  providerOptions(request) {
    // budgetTokens is added on top of maxOutputTokens by the SDK; models that only think adaptively get it converted.
    return request.reasoning === true ? { anthropic: { thinking: { type: 'enabled', budgetTokens: 4096 } } } : undefined;
  },
  // The SDK limits unknown model ids (and warns) unless maxOutputTokens is set; 8192 suits chat replies.
  defaultMaxOutputTokens: 8192,
  async listModels(target, getJson) {
    const headers = { 'x-api-key': target.apiKey ?? '', 'anthropic-version': anthropicVersion };
    const models: ListedModel[] = [];
    let afterId: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const query = new URLSearchParams({ limit: '1000', ...(afterId === undefined ? {} : { after_id: afterId }) });
      const body = (await getJson(`${trimBaseUrl(target.baseUrl)}/models?${query.toString()}`, headers)) as AnthropicModelPage;
      for (const entry of body.data ?? []) {
        if (typeof entry.id !== 'string') continue;
        models.push(typeof entry.display_name === 'string' ? { name: entry.id, displayName: entry.display_name } : { name: entry.id });
      }
      if (body.has_more !== true || typeof body.last_id !== 'string') break;
      afterId = body.last_id;
    }
    return models;
  },
};
