import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capped, objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction } from './googlesheets-api.js';

const maxResults = 50;

/** Finds the user's spreadsheets by name or content (Composio `GOOGLESHEETS_SEARCH_SPREADSHEETS`, Drive search). */
export const googlesheetsSearchTool = defineTool({
  name: 'googlesheets_search',
  displayName: 'Search Google Sheets',
  description:
    'Finds Google Sheets spreadsheets in the user\'s Drive whose name (or content) matches a query, most recently ' +
    'modified first. Use it when the user names a spreadsheet but not its id. Returns each one\'s id, name, URL and ' +
    'modification time.',
  icon: 'Search',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'search', 'find', 'drive', 'lookup', 'name'],
  inputSchema: z.object({
    query: z.string().trim().max(500).optional().describe('Words of the spreadsheet\'s name; empty lists the most recent'),
    max_results: z.number().int().min(1).max(maxResults).default(10).describe(`How many (1–${maxResults}, default 10)`),
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_SEARCH_SPREADSHEETS', { query: input.query || undefined, max_results: input.max_results });
    const raw = pick(data, 'spreadsheets', 'files');
    const { items, truncated } = capped(Array.isArray(raw) ? raw : [], input.max_results);
    return {
      result: {
        count: items.length,
        spreadsheets: items.map((item) => {
          const file = objectOf(item);
          return { spreadsheet_id: file.id ?? null, name: file.name ?? null, url: file.webViewLink ?? null, modified: file.modifiedTime ?? null };
        }),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  },
});
