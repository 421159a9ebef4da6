import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsAppendTool } from './googlesheets-append.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_append', () => {
  it('sends GOOGLESHEETS_SPREADSHEETS_VALUES_APPEND and returns where the rows went', async () => {
    composio.actionData.set('GOOGLESHEETS_SPREADSHEETS_VALUES_APPEND', {
      spreadsheetId: sheetId, tableRange: 'Sheet1!A1:C10', updates: { spreadsheetId: sheetId, updatedRange: 'Sheet1!A11:C11', updatedRows: 1, updatedColumns: 3, updatedCells: 3 },
    });
    const output = await runTool(googlesheetsAppendTool, { spreadsheet_id: sheetId, range: 'Sheet1', values: [['2025-01-31', 'Ada', 3]], value_input_option: 'RAW' }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_SPREADSHEETS_VALUES_APPEND', {
      spreadsheetId: sheetId, range: 'Sheet1', valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS', values: [['2025-01-31', 'Ada', 3]],
    });
    expect(output.result).toEqual({
      spreadsheet_id: sheetId, table_range: 'Sheet1!A1:C10', updated_range: 'Sheet1!A11:C11', updated_rows: 1, updated_columns: 3, updated_cells: 3,
    });
  });
});
