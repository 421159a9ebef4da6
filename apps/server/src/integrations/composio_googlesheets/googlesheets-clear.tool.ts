import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Empties the cells of a range, keeping formatting (Composio `GOOGLESHEETS_CLEAR_VALUES`). */
export const googlesheetsClearTool = defineTool({
  name: 'googlesheets_clear',
  displayName: 'Clear Google Sheet Range',
  description:
    'Empties the values of a range of a Google Sheets spreadsheet the user connected (formatting and notes stay). ' +
    'Use it only when the user wants those cells emptied. Returns the range cleared.',
  icon: 'Eraser',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'clear', 'empty', 'erase', 'reset', 'range'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    range: z.string().trim().min(1).max(500).describe('A1 range to empty, e.g. "Sheet1!A2:D100"'),
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_CLEAR_VALUES', { spreadsheet_id: input.spreadsheet_id, range: input.range });
    return { result: { spreadsheet_id: input.spreadsheet_id, cleared_range: pick(data, 'clearedRange', 'cleared_range') ?? input.range } };
  },
});
