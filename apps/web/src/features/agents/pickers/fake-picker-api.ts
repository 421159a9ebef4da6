// Test support: the API the block settings' pickers read, at the fetch level (models, tools, recommendations,
// credentials), as the server answers it.
import type { Credential, ToolRecommendation, ToolSummary, UserModel } from '@claraverse/shared';
import { createFakeFetch, jsonResponse } from '../../../test/fake-fetch';

const capabilities = { tools: false, vision: false, streaming: true, reasoning: false, structuredOutput: false };

export const fakeModels: UserModel[] = [
  { id: 'model-gpt', name: 'gpt-4.1', displayName: 'GPT-4.1', providerId: 'p1', providerName: 'OpenAI', capabilities: { ...capabilities, tools: true, structuredOutput: true, vision: true }, tier: 1, contextLength: 128_000, isOwn: false },
  { id: 'model-llama', name: 'llama3.2:3b', displayName: 'Llama 3.2 3B', providerId: 'p2', providerName: 'Ollama', capabilities, tier: 4, contextLength: 8_192, isOwn: true },
];

function tool(name: string, displayName: string, category: string, description: string, extra: Partial<ToolSummary> = {}): ToolSummary {
  return { name, displayName, description, icon: 'Wrench', category, keywords: [], source: 'builtin', parameters: { type: 'object' }, interactive: false, ...extra };
}

export const fakeTools: ToolSummary[] = [
  tool('search_web', 'Search the Web', 'search', 'Searches the web and returns titles, links and snippets.', { keywords: ['news', 'google'] }),
  tool('scrape_web', 'Read a Web Page', 'web', 'Reads the text of a web page.'),
  tool('get_current_time', 'Get Current Time', 'time', 'The current date and time in a time zone.'),
  tool('send_slack_message', 'Send Slack Message', 'integrations', 'Posts a message to a Slack channel.', { integration: 'slack', source: 'builtin' }),
  tool('ask_user', 'Ask User Questions', 'interaction', 'Asks the person a question.', { interactive: true }),
];

const credential = (id: string, name: string, integrationType: string): Credential => ({
  id, name, integrationType, maskedPreview: `${id.slice(0, 4)}…`, configuredFields: [], usageCount: 0, lastUsedAt: null, lastTestAt: null,
  testStatus: null, testMessage: null, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z',
});

export const fakeCredentials: Credential[] = [
  credential('cred-slack', 'Team Slack', 'slack'),
  credential('cred-rest', 'Billing API', 'rest_api'),
  credential('cred-github', 'GitHub', 'github'),
];

/** `POST /api/tools/recommend`: search_web for words about news or search, nothing otherwise. */
function recommend(body: { name?: string; description?: string; systemPrompt?: string; userPrompt?: string }): ToolRecommendation[] {
  const text = [body.name, body.description, body.systemPrompt, body.userPrompt].join(' ').toLowerCase();
  const matched = ['news', 'search'].filter((word) => text.includes(word));
  return matched.length === 0 ? [] : [{ toolId: 'search_web', name: 'Search the Web', category: 'search', score: 0.6, matchedKeywords: matched }];
}

/** The fake API; `usable` lists the tools usable now (Slack's needs a credential unless it is listed). */
export function createFakePickerApi({ usable = ['search_web', 'scrape_web', 'get_current_time', 'ask_user'] }: { usable?: string[] } = {}) {
  const group = (tools: ToolSummary[]) => {
    const categories = [...new Set(tools.map((entry) => entry.category))].sort();
    return { categories: categories.map((category) => ({ category, count: tools.filter((entry) => entry.category === category).length, tools: tools.filter((entry) => entry.category === category) })), total: tools.length };
  };
  return createFakeFetch({
    'GET /api/models': () => jsonResponse({ models: fakeModels }),
    'GET /api/tools': () => jsonResponse(group(fakeTools)),
    'GET /api/tools/available': () => jsonResponse({ ...group(fakeTools.filter((entry) => usable.includes(entry.name))), filteredCount: fakeTools.length - usable.length }),
    'POST /api/tools/recommend': (request) => jsonResponse({ recommendations: recommend(request.body as Record<string, string>) }),
    'GET /api/credentials': () => jsonResponse({ credentials: fakeCredentials }),
  });
}
