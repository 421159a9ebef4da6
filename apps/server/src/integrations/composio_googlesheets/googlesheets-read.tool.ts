import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

const maxRows = 500;

/** Reads cells of a spreadsheet (Composio `GOOGLESHEETS_BATCH_GET`). */
export const googlesheetsReadTool = defineTool({
  name: 'googlesheets_read',
  displayName: 'Read Google Sheet',
  description:
    'Reads the values of a range of a Google Sheets spreadsheet the user connected, in A1 notation ("Sheet1!A1:D50", ' +
    '"Sheet1" for a whole tab). Use it to look at or analyse spreadsheet data. Returns the rows as arrays (at most ' +
    `${maxRows}, truncated says when cut) and the range read.`,
  icon: 'Sheet',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'read', 'cells', 'range', 'rows', 'data', 'table'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    range: z.string().trim().min(1).max(500).describe('A1 range, e.g. "Sheet1!A1:D50" or "Sheet1"'),
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_BATCH_GET', { spreadsheet_id: input.spreadsheet_id, ranges: [input.range] });
    const valueRanges = pick(data, 'valueRanges', 'value_ranges');
    const first = objectOf(Array.isArray(valueRanges) ? valueRanges[0] : undefined);
    const rows = Array.isArray(first.values) ? (first.values as unknown[]) : [];
    return {
      result: {
        spreadsheet_id: input.spreadsheet_id,
        range: first.range ?? input.range,
        row_count: rows.length,
        values: rows.slice(0, maxRows),
        ...(rows.length > maxRows ? { truncated: true } : {}),
      },
    };
  },
});
