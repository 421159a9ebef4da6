import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composioEntityIdFor } from '../composio/composio-tool.js';
import { composioClientOf, composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { createComposioActions } from '../composio/composio-actions.js';
import { runTool, testContextOf } from '../test-support.js';
import { composioGoogleSheetsIntegration } from './composio_googlesheets.integration.js';
import { googlesheetsListSheetsTool } from './googlesheets-list-sheets.tool.js';
import { googlesheetsReadTool } from './googlesheets-read.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});
beforeEach(() => {
  composio.actionData.clear();
});

const entity = composioEntityIdFor('user-1');
const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = (options: { entityId?: string; withComposio?: boolean } = {}) => composioToolContext(composio, 'composio_googlesheets', options);

function testContext(withComposio = true) {
  const base = testContextOf(context());
  return withComposio ? { ...base, composio: createComposioActions(composioClientOf(composio)) } : base;
}

describe('composio_googlesheets integration', () => {
  it('is offered only with Composio configured and lists the reference\'s tools', () => {
    expect(composioGoogleSheetsIntegration.requiresInstanceConfig).toBe('composio');
    expect(composioGoogleSheetsIntegration.fields.map((field) => [field.key, field.required])).toEqual([['composio_entity_id', true]]);
    expect(composioGoogleSheetsIntegration.tools.map((tool) => tool.name)).toEqual([
      'googlesheets_read', 'googlesheets_write', 'googlesheets_append', 'googlesheets_create', 'googlesheets_get_info',
      'googlesheets_list_sheets', 'googlesheets_search', 'googlesheets_clear', 'googlesheets_add_sheet',
      'googlesheets_delete_sheet', 'googlesheets_find_replace', 'googlesheets_upsert_rows',
    ]);
    for (const tool of composioGoogleSheetsIntegration.tools) expect(tool).toMatchObject({ integration: 'composio_googlesheets', category: 'integrations' });
  });

  it('credential test: lists one spreadsheet of the entity', async () => {
    composio.actionData.set('GOOGLESHEETS_SEARCH_SPREADSHEETS', { spreadsheets: [{ id: sheetId, name: 'Budget' }] });
    const result = await composioGoogleSheetsIntegration.test!({ composio_entity_id: entity }, testContext());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_SEARCH_SPREADSHEETS', { max_results: 1 });
    expect(result).toEqual({ message: 'Connected to Google Sheets.', details: { spreadsheetsSeen: 1 } });
  });

  it('credential test: an entity without a usable connection fails with Composio\'s words', async () => {
    await expect(composioGoogleSheetsIntegration.test!({ composio_entity_id: entity }, testContext())).rejects.toThrow(/Composio could not run GOOGLESHEETS_SEARCH_SPREADSHEETS: .*no connected account/);
  });

  it('credential test: a missing entity id is refused before any request', async () => {
    const before = composio.requests.length;
    await expect(composioGoogleSheetsIntegration.test!({}, testContext())).rejects.toThrow(/no composio_entity_id/);
    expect(composio.requests.length).toBe(before);
  });

  it('a tool without Composio configured, or with another user\'s entity, fails before any request', async () => {
    const before = composio.requests.length;
    await expect(runTool(googlesheetsListSheetsTool, { spreadsheet_id: sheetId }, context({ withComposio: false }))).rejects.toThrow(/Composio is not configured on this instance/);
    await expect(runTool(googlesheetsListSheetsTool, { spreadsheet_id: sheetId }, context({ entityId: 'someone-else' }))).rejects.toThrow(/not connected by you/);
    expect(composio.requests.length).toBe(before);
  });

  it('a refused instance key (401) is the readable "refused the credential" error', async () => {
    composio.script({ status: 401, body: JSON.stringify({ error: { message: 'Invalid API key', status: 401 } }) });
    await expect(runTool(googlesheetsListSheetsTool, { spreadsheet_id: sheetId }, context())).rejects.toThrow(/Composio refused the credential \(401\)/);
  });

  it('a 429 with retry-after: 1 is waited out and retried once', async () => {
    composio.actionData.set('GOOGLESHEETS_GET_SHEET_NAMES', { sheet_names: ['Q1'] });
    const before = composio.requests.length;
    composio.script({ status: 429, body: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '1' } });
    const output = await runTool(googlesheetsListSheetsTool, { spreadsheet_id: sheetId }, context());
    expect(composio.requests.length - before).toBe(2);
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_GET_SHEET_NAMES', { spreadsheet_id: sheetId });
    expect(output.result).toMatchObject({ sheets: ['Q1'] });
  });

  it('an HTML page instead of JSON is a clear error', async () => {
    composio.script({ status: 502, body: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } });
    await expect(runTool(googlesheetsReadTool, { spreadsheet_id: sheetId, range: 'A1' }, context())).rejects.toThrow(/^Composio failed \(502\)\. Try again later\.$/);
    composio.script({ status: 200, body: '<!DOCTYPE html><html>login</html>', headers: { 'content-type': 'text/html' } });
    await expect(runTool(googlesheetsReadTool, { spreadsheet_id: sheetId, range: 'A1' }, context())).rejects.toThrow(/HTML page instead of JSON/);
  });
});
