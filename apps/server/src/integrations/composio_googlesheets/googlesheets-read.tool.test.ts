import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsReadTool } from './googlesheets-read.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_read', () => {
  it('sends GOOGLESHEETS_BATCH_GET with the range and returns the rows; a URL is reduced to its id', async () => {
    composio.actionData.set('GOOGLESHEETS_BATCH_GET', {
      spreadsheetId: sheetId,
      valueRanges: [{ range: 'Sheet1!A1:C3', majorDimension: 'ROWS', values: [['Name', 'Total'], ['Ada', '3'], ['Bob', '5']] }],
    });
    const output = await runTool(googlesheetsReadTool, { spreadsheet_id: `https://docs.google.com/spreadsheets/d/${sheetId}/edit#gid=0`, range: 'Sheet1!A1:C3' }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_BATCH_GET', { spreadsheet_id: sheetId, ranges: ['Sheet1!A1:C3'] });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, range: 'Sheet1!A1:C3', row_count: 3, values: [['Name', 'Total'], ['Ada', '3'], ['Bob', '5']] });
  });

  it('caps long reads at 500 rows and says so', async () => {
    const rows = Array.from({ length: 620 }, (_, index) => [String(index)]);
    composio.actionData.set('GOOGLESHEETS_BATCH_GET', { valueRanges: [{ range: 'Sheet1!A1:A620', values: rows }] });
    const output = await runTool(googlesheetsReadTool, { spreadsheet_id: sheetId, range: 'Sheet1!A:A' }, context());
    expect(output.result).toMatchObject({ row_count: 620, truncated: true });
    expect((output.result as { values: unknown[] }).values).toHaveLength(500);
  });

  it('refuses something that is not a spreadsheet id, without a request', async () => {
    const before = composio.requests.length;
    await expect(runTool(googlesheetsReadTool, { spreadsheet_id: 'not an id at all!', range: 'A1' }, context())).rejects.toThrow(/spreadsheet id/);
    expect(composio.requests.length).toBe(before);
  });
});
