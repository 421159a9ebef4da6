import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { googleSheets, rowsSchema, runSheetsAction, spreadsheetIdSchema, updateCounts, valueInputOptionSchema } from './googlesheets-api.js';

/** Writes cells from a starting cell (Composio `GOOGLESHEETS_BATCH_UPDATE`). */
export const googlesheetsWriteTool = defineTool({
  name: 'googlesheets_write',
  displayName: 'Write Google Sheet',
  description:
    'Writes rows of values into a tab of a Google Sheets spreadsheet the user connected, starting at a cell (default ' +
    'A1) and overwriting what is there. Use it to fill or update a block of cells; use googlesheets_append to add ' +
    'rows at the end instead. Returns the range, rows and cells updated.',
  icon: 'Sheet',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'write', 'update', 'cells', 'set', 'overwrite', 'data'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    sheet_name: z.string().trim().min(1).max(200).describe('The tab name, e.g. "Sheet1"'),
    start_cell: z.string().trim().regex(/^[A-Za-z]{1,3}[1-9]\d{0,6}$/, 'A cell such as A1 or C5').default('A1').describe('Top-left cell, e.g. "A1"'),
    values: rowsSchema.describe('Rows of cell values, e.g. [["Name","Total"],["Ada",3]]'),
    value_input_option: valueInputOptionSchema,
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_BATCH_UPDATE', {
      spreadsheet_id: input.spreadsheet_id, sheet_name: input.sheet_name, first_cell_location: input.start_cell.toUpperCase(),
      values: input.values, valueInputOption: input.value_input_option,
    });
    return { result: { spreadsheet_id: input.spreadsheet_id, sheet_name: input.sheet_name, ...updateCounts(data) } };
  },
});
