import { createGoogleGenerativeAI } from '@ai-sdk/google';
import type { ListedModel } from '../llm-client.js';
import { trimBaseUrl, type LlmAdapter } from './llm-adapter.js';

const maxPages = 20;

interface GoogleModelPage {
  models?: { name?: unknown; displayName?: unknown; inputTokenLimit?: unknown; supportedGenerationMethods?: unknown }[];
  nextPageToken?: unknown;
}

function readGoogleModel(entry: NonNullable<GoogleModelPage['models']>[number]): ListedModel | undefined {
  if (typeof entry.name !== 'string') return undefined;
  const methods = Array.isArray(entry.supportedGenerationMethods) ? entry.supportedGenerationMethods : ['generateContent'];
  if (!methods.includes('generateContent')) return undefined;
  const listed: ListedModel = { name: entry.name.replace(/^models\//, '') };
  if (typeof entry.displayName === 'string') listed.displayName = entry.displayName;
  if (typeof entry.inputTokenLimit === 'number') listed.contextLength = entry.inputTokenLimit;
  return listed;
}

/** Google's Gemini API. `baseUrl` is `https://generativelanguage.googleapis.com/v1beta`. */
export const googleAdapter: LlmAdapter = {
  languageModel(target, fetch) {
    return createGoogleGenerativeAI({ baseURL: trimBaseUrl(target.baseUrl), apiKey: target.apiKey ?? '', fetch })(target.model);
  },
  providerOptions(request) {
    return request.reasoning === true ? { google: { thinkingConfig: { includeThoughts: true } } } : undefined;
  },
  async listModels(target, getJson) {
    // The key goes in a header, not `?key=`, so it never appears in a URL that might be logged.
    const headers = { 'x-goog-api-key': target.apiKey ?? '' };
    const models: ListedModel[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const query = new URLSearchParams({ pageSize: '1000', ...(pageToken === undefined ? {} : { pageToken }) });
      const body = (await getJson(`${trimBaseUrl(target.baseUrl)}/models?${query.toString()}`, headers)) as GoogleModelPage;
      for (const entry of body.models ?? []) {
        const listed = readGoogleModel(entry);
        if (listed !== undefined) models.push(listed);
      }
      if (typeof body.nextPageToken !== 'string' || body.nextPageToken === '') break;
      pageToken = body.nextPageToken;
    }
    return models;
  },
};
