import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsAddSheetTool } from './googlesheets-add-sheet.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_add_sheet', () => {
  it('sends GOOGLESHEETS_ADD_SHEET with the title and size and returns the new sheet id', async () => {
    composio.actionData.set('GOOGLESHEETS_ADD_SHEET', { spreadsheetId: sheetId, replies: [{ addSheet: { properties: { sheetId: 777, title: 'Q3', index: 2 } } }] });
    const output = await runTool(googlesheetsAddSheetTool, { spreadsheet_id: sheetId, title: 'Q3', rows: 100, columns: 8 }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_ADD_SHEET', { spreadsheetId: sheetId, properties: { title: 'Q3', gridProperties: { rowCount: 100, columnCount: 8 } } });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, sheet_id: 777, title: 'Q3', index: 2 });
  });
});
