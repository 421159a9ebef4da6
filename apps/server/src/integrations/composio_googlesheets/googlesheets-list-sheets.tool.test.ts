import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsListSheetsTool } from './googlesheets-list-sheets.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_list_sheets', () => {
  it('sends GOOGLESHEETS_GET_SHEET_NAMES and returns the names', async () => {
    composio.actionData.set('GOOGLESHEETS_GET_SHEET_NAMES', { sheet_names: ['Q1', 'Q2', 'Notes'] });
    const output = await runTool(googlesheetsListSheetsTool, { spreadsheet_id: sheetId }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_GET_SHEET_NAMES', { spreadsheet_id: sheetId });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, count: 3, sheets: ['Q1', 'Q2', 'Notes'] });
  });
});
