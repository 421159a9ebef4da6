import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { pick } from '../composio/composio-tool.js';
import { googleSheets, rowsSchema, runSheetsAction, spreadsheetIdSchema, updateCounts, valueInputOptionSchema } from './googlesheets-api.js';

/** Appends rows after a table (Composio `GOOGLESHEETS_SPREADSHEETS_VALUES_APPEND`, Sheets `values.append`). */
export const googlesheetsAppendTool = defineTool({
  name: 'googlesheets_append',
  displayName: 'Append to Google Sheet',
  description:
    'Adds rows after the last row of a table in a Google Sheets spreadsheet the user connected (e.g. log a new ' +
    'entry). Give the tab or table range ("Sheet1" or "Sheet1!A:D") and the rows. Returns where the rows went.',
  icon: 'ListPlus',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'append', 'add', 'row', 'insert', 'log', 'record'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    range: z.string().trim().min(1).max(500).describe('Tab or table range to append to, e.g. "Sheet1" or "Sheet1!A:D"'),
    values: rowsSchema.describe('Rows to add, e.g. [["2025-01-31","Ada",3]]'),
    value_input_option: valueInputOptionSchema,
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_SPREADSHEETS_VALUES_APPEND', {
      spreadsheetId: input.spreadsheet_id, range: input.range, valueInputOption: input.value_input_option,
      insertDataOption: 'INSERT_ROWS', values: input.values,
    });
    return {
      result: { spreadsheet_id: input.spreadsheet_id, table_range: pick(data, 'tableRange', 'table_range') ?? null, ...updateCounts(data) },
    };
  },
});
