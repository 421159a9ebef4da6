import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsDeleteSheetTool } from './googlesheets-delete-sheet.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_delete_sheet', () => {
  it('sends GOOGLESHEETS_DELETE_SHEET with the numeric sheet id', async () => {
    composio.actionData.set('GOOGLESHEETS_DELETE_SHEET', { spreadsheetId: sheetId, replies: [{}] });
    const output = await runTool(googlesheetsDeleteSheetTool, { spreadsheet_id: sheetId, sheet_id: 777 }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_DELETE_SHEET', { spreadsheetId: sheetId, sheet_id: 777 });
    expect(output.result).toEqual({ deleted: true, spreadsheet_id: sheetId, sheet_id: 777 });
  });
});
