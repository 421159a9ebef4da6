import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsUpsertRowsTool } from './googlesheets-upsert-rows.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_upsert_rows', () => {
  it('sends GOOGLESHEETS_UPSERT_ROWS with the key column, headers and rows and returns the counts', async () => {
    composio.actionData.set('GOOGLESHEETS_UPSERT_ROWS', { updated_rows: 1, inserted_rows: 1, spreadsheetId: sheetId });
    const output = await runTool(googlesheetsUpsertRowsTool, {
      spreadsheet_id: sheetId, sheet_name: 'Leads', key_column: 'Email', headers: ['Email', 'Status'], rows: [['ada@example.com', 'won'], ['bob@example.com', 'new']],
    }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_UPSERT_ROWS', {
      spreadsheetId: sheetId, sheetName: 'Leads', keyColumn: 'Email', headers: ['Email', 'Status'], rows: [['ada@example.com', 'won'], ['bob@example.com', 'new']],
    });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, sheet_name: 'Leads', updated_rows: 1, inserted_rows: 1 });
  });

  it('refuses a key column that is not a header, without a request', async () => {
    const before = composio.requests.length;
    await expect(runTool(googlesheetsUpsertRowsTool, { spreadsheet_id: sheetId, sheet_name: 'Leads', key_column: 'A', rows: [['Email'], ['x@example.com']] }, context()))
      .rejects.toThrow(/key_column "A" is not one of the headers \(Email\)/);
    expect(composio.requests.length).toBe(before);
  });
});
