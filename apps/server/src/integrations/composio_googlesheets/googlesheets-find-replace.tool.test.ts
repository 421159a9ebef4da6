import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsFindReplaceTool } from './googlesheets-find-replace.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_find_replace', () => {
  it('sends GOOGLESHEETS_FIND_REPLACE over all tabs and returns the counts', async () => {
    composio.actionData.set('GOOGLESHEETS_FIND_REPLACE', {
      spreadsheetId: sheetId, replies: [{ findReplace: { valuesChanged: 4, occurrencesChanged: 5, rowsChanged: 3, sheetsChanged: 2 } }],
    });
    const output = await runTool(googlesheetsFindReplaceTool, { spreadsheet_id: sheetId, find: 'ACME', replacement: 'Acme Ltd', match_case: true }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_FIND_REPLACE', { spreadsheetId: sheetId, find: 'ACME', replacement: 'Acme Ltd', allSheets: true, matchCase: true });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, occurrences_changed: 5, values_changed: 4, rows_changed: 3, sheets_changed: 2 });
  });

  it('limits the replacement to one tab when sheet_id is given', async () => {
    composio.actionData.set('GOOGLESHEETS_FIND_REPLACE', { replies: [{ findReplace: { occurrencesChanged: 1, valuesChanged: 1, rowsChanged: 1, sheetsChanged: 1 } }] });
    await runTool(googlesheetsFindReplaceTool, { spreadsheet_id: sheetId, find: 'a', replacement: '', sheet_id: 0 }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_FIND_REPLACE', { spreadsheetId: sheetId, find: 'a', replacement: '', sheetId: 0 });
  });
});
