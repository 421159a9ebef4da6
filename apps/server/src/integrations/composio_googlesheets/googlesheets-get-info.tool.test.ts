import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsGetInfoTool } from './googlesheets-get-info.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_get_info', () => {
  it('sends GOOGLESHEETS_GET_SPREADSHEET_INFO and returns the title and each tab\'s id and size', async () => {
    composio.actionData.set('GOOGLESHEETS_GET_SPREADSHEET_INFO', {
      spreadsheetId: sheetId, properties: { title: 'Sales', locale: 'en_GB', timeZone: 'Europe/London' },
      sheets: [{ properties: { sheetId: 0, title: 'Q1', index: 0, gridProperties: { rowCount: 1000, columnCount: 26 } } }, { properties: { sheetId: 42, title: 'Q2', index: 1, gridProperties: { rowCount: 50, columnCount: 5 } } }],
    });
    const output = await runTool(googlesheetsGetInfoTool, { spreadsheet_id: sheetId }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_GET_SPREADSHEET_INFO', { spreadsheet_id: sheetId });
    expect(output.result).toEqual({
      spreadsheet_id: sheetId, title: 'Sales', locale: 'en_GB', time_zone: 'Europe/London', url: `https://docs.google.com/spreadsheets/d/${sheetId}/edit`,
      sheets: [{ sheet_id: 0, title: 'Q1', index: 0, rows: 1000, columns: 26 }, { sheet_id: 42, title: 'Q2', index: 1, rows: 50, columns: 5 }],
    });
  });
});
