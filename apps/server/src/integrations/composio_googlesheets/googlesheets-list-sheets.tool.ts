import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Lists the tab names of a spreadsheet (Composio `GOOGLESHEETS_GET_SHEET_NAMES`). */
export const googlesheetsListSheetsTool = defineTool({
  name: 'googlesheets_list_sheets',
  displayName: 'List Google Sheet Tabs',
  description:
    'Lists the names of the tabs (worksheets) of a Google Sheets spreadsheet the user connected. Use it to find the ' +
    'tab to read or write. Returns the names in order.',
  icon: 'Layers',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'tabs', 'worksheets', 'list', 'names'],
  inputSchema: z.object({ spreadsheet_id: spreadsheetIdSchema }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_GET_SHEET_NAMES', { spreadsheet_id: input.spreadsheet_id });
    const names = pick(data, 'sheet_names', 'sheetNames');
    const list = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
    return { result: { spreadsheet_id: input.spreadsheet_id, count: list.length, sheets: list } };
  },
});
