import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsClearTool } from './googlesheets-clear.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_clear', () => {
  it('sends GOOGLESHEETS_CLEAR_VALUES with the range and returns the cleared range', async () => {
    composio.actionData.set('GOOGLESHEETS_CLEAR_VALUES', { spreadsheetId: sheetId, clearedRange: 'Sheet1!A2:D100' });
    const output = await runTool(googlesheetsClearTool, { spreadsheet_id: sheetId, range: 'Sheet1!A2:D100' }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_CLEAR_VALUES', { spreadsheet_id: sheetId, range: 'Sheet1!A2:D100' });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, cleared_range: 'Sheet1!A2:D100' });
  });
});
