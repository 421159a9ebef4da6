import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsWriteTool } from './googlesheets-write.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_write', () => {
  it('sends GOOGLESHEETS_BATCH_UPDATE with sheet, first cell, values and input option and returns the counts', async () => {
    composio.actionData.set('GOOGLESHEETS_BATCH_UPDATE', { spreadsheetId: sheetId, updatedRange: 'Sheet1!B2:C3', updatedRows: 2, updatedColumns: 2, updatedCells: 4 });
    const output = await runTool(googlesheetsWriteTool, { spreadsheet_id: sheetId, sheet_name: 'Sheet1', start_cell: 'b2', values: [['Ada', 3], ['Bob', null]] }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_BATCH_UPDATE', {
      spreadsheet_id: sheetId, sheet_name: 'Sheet1', first_cell_location: 'B2', values: [['Ada', 3], ['Bob', null]], valueInputOption: 'USER_ENTERED',
    });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, sheet_name: 'Sheet1', updated_range: 'Sheet1!B2:C3', updated_rows: 2, updated_columns: 2, updated_cells: 4 });
  });
});
