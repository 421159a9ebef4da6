import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Adds a tab to a spreadsheet (Composio `GOOGLESHEETS_ADD_SHEET`, Sheets `AddSheetRequest`). */
export const googlesheetsAddSheetTool = defineTool({
  name: 'googlesheets_add_sheet',
  displayName: 'Add Google Sheet Tab',
  description:
    'Adds a new tab (worksheet) to a Google Sheets spreadsheet the user connected, optionally with a size. Returns ' +
    'the new tab\'s sheet id and title.',
  icon: 'SquarePlus',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'tab', 'worksheet', 'add', 'new', 'create'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    title: z.string().trim().min(1).max(100).describe('The new tab\'s name'),
    rows: z.number().int().min(1).max(100_000).optional().describe('Number of rows (default 1000)'),
    columns: z.number().int().min(1).max(18_278).optional().describe('Number of columns (default 26)'),
  }),
  async execute(input, context) {
    const grid = input.rows || input.columns ? { gridProperties: { rowCount: input.rows, columnCount: input.columns } } : {};
    const data = await runSheetsAction(context, 'GOOGLESHEETS_ADD_SHEET', {
      spreadsheetId: input.spreadsheet_id, properties: { title: input.title, ...grid },
    });
    const replies = pick(data, 'replies');
    const fromReply = objectOf(objectOf(objectOf(Array.isArray(replies) ? replies[0] : undefined).addSheet).properties);
    const properties = Object.keys(fromReply).length > 0 ? fromReply : objectOf(pick(data, 'properties'));
    return {
      result: { spreadsheet_id: input.spreadsheet_id, sheet_id: properties.sheetId ?? null, title: properties.title ?? input.title, index: properties.index ?? null },
    };
  },
});
