import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsSearchTool } from './googlesheets-search.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_search', () => {
  it('sends GOOGLESHEETS_SEARCH_SPREADSHEETS with query and count and returns id, name, URL, modified', async () => {
    composio.actionData.set('GOOGLESHEETS_SEARCH_SPREADSHEETS', {
      spreadsheets: [{ id: sheetId, name: 'Budget 2025', webViewLink: 'https://docs.google.com/spreadsheets/d/x/edit', modifiedTime: '2025-01-05T10:00:00Z', createdTime: '2024-12-01T10:00:00Z' }],
      total_found: 1,
    });
    const output = await runTool(googlesheetsSearchTool, { query: 'Budget', max_results: 5 }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_SEARCH_SPREADSHEETS', { query: 'Budget', max_results: 5 });
    expect(output.result).toEqual({
      count: 1,
      spreadsheets: [{ spreadsheet_id: sheetId, name: 'Budget 2025', url: 'https://docs.google.com/spreadsheets/d/x/edit', modified: '2025-01-05T10:00:00Z' }],
    });
  });
});
