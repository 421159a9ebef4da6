import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { googlesheetsCreateTool } from './googlesheets-create.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

const sheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const context = () => composioToolContext(composio, 'composio_googlesheets');

describe('googlesheets_create', () => {
  it('sends GOOGLESHEETS_CREATE_GOOGLE_SHEET1 with the title and returns id and URL', async () => {
    composio.actionData.set('GOOGLESHEETS_CREATE_GOOGLE_SHEET1', {
      spreadsheetId: sheetId, properties: { title: 'Budget 2025', locale: 'en_US' }, spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${sheetId}/edit`, sheets: [{}],
    });
    const output = await runTool(googlesheetsCreateTool, { title: 'Budget 2025' }, context());
    expectExecuted(composio.requests.at(-1), 'GOOGLESHEETS_CREATE_GOOGLE_SHEET1', { title: 'Budget 2025' });
    expect(output.result).toEqual({ spreadsheet_id: sheetId, title: 'Budget 2025', url: `https://docs.google.com/spreadsheets/d/${sheetId}/edit` });
  });
});
