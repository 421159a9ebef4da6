import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Deletes a tab with everything on it (Composio `GOOGLESHEETS_DELETE_SHEET`). */
export const googlesheetsDeleteSheetTool = defineTool({
  name: 'googlesheets_delete_sheet',
  displayName: 'Delete Google Sheet Tab',
  description:
    'Deletes one tab (worksheet) and all its cells from a Google Sheets spreadsheet the user connected. Use it only ' +
    'when the user asks to delete that tab; find its numeric sheet id with googlesheets_get_info. Returns what was deleted.',
  icon: 'Trash2',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'tab', 'worksheet', 'delete', 'remove'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    sheet_id: z.number().int().min(0).describe('The tab\'s numeric sheet id (not its name)'),
  }),
  async execute(input, context) {
    await runSheetsAction(context, 'GOOGLESHEETS_DELETE_SHEET', { spreadsheetId: input.spreadsheet_id, sheet_id: input.sheet_id });
    return { result: { deleted: true, spreadsheet_id: input.spreadsheet_id, sheet_id: input.sheet_id } };
  },
});
