import { z } from 'zod';
import { defineTool } from '../../define-tool.js';
import { querySearxng } from './query-searxng.js';

/** Results handed to the model. */
const maxResults = 10;

export const searchWebTool = defineTool({
  name: 'search_web',
  displayName: 'Search Web',
  description:
    'Searches the web (through the server\'s SearXNG metasearch, safe search on) and returns the top 10 results with ' +
    'title, URL, snippet and date when known, plus instant answers and suggestions. Use it for current events, facts ' +
    'you are unsure of and anything after your training; then read a page with scrape_web for details.',
  icon: 'Search',
  category: 'search',
  keywords: ['search', 'web', 'google', 'internet', 'lookup', 'find', 'news', 'research', 'online'],
  inputSchema: z.object({
    query: z.string().trim().min(1, 'Give something to search for').max(400).describe('What to search for, as you would type it into a search engine'),
  }),
  async execute({ query }, context) {
    const answer = await querySearxng(context, { q: query, categories: 'general', pageno: '1' });
    const results = answer.results.slice(0, maxResults).map((result) => ({
      title: result.title,
      url: result.url,
      snippet: result.content ?? '',
      ...(result.publishedDate ? { published: result.publishedDate } : {}),
      ...(result.engine ? { source: result.engine } : {}),
    }));
    const answers = answer.answers.filter((entry): entry is string => typeof entry === 'string');
    return {
      result: {
        query,
        results,
        ...(answers.length > 0 ? { answers } : {}),
        ...(answer.suggestions.length > 0 ? { suggestions: answer.suggestions.slice(0, 5) } : {}),
        ...(results.length === 0 ? { note: 'No results. Try other words or a broader query.' } : {}),
      },
    };
  },
});
