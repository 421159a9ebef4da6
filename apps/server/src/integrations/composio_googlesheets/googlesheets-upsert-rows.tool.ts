import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { pick } from '../composio/composio-tool.js';
import { googleSheets, rowsSchema, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Updates rows matched on a key column and appends the rest (Composio `GOOGLESHEETS_UPSERT_ROWS`). */
export const googlesheetsUpsertRowsTool = defineTool({
  name: 'googlesheets_upsert_rows',
  displayName: 'Upsert Google Sheet Rows',
  description:
    'Updates the rows of a tab whose key column matches (e.g. the same Email or SKU) and appends rows whose key is ' +
    'new, in a Google Sheets spreadsheet the user connected. key_column is a header name, not a letter. Returns how ' +
    'many rows were updated and added.',
  icon: 'ArrowUpDown',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'upsert', 'update', 'insert', 'merge', 'sync', 'rows', 'key'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    sheet_name: z.string().trim().min(1).max(200).describe('The tab name'),
    key_column: z.string().trim().min(1).max(200).describe('Header of the column that identifies a row, e.g. "Email"'),
    headers: z.array(z.string().max(500)).min(1).max(1_000).optional().describe('Column headers of rows; else the first row of rows is the header'),
    rows: rowsSchema.describe('Rows of values in the order of headers'),
  }),
  async execute(input, context) {
    const headers = input.headers ?? input.rows[0]?.map(String) ?? [];
    if (!headers.includes(input.key_column)) throw new ValidationError(`key_column "${input.key_column}" is not one of the headers (${headers.join(', ')}).`);
    const data = await runSheetsAction(context, 'GOOGLESHEETS_UPSERT_ROWS', {
      spreadsheetId: input.spreadsheet_id, sheetName: input.sheet_name, keyColumn: input.key_column, headers: input.headers, rows: input.rows,
    });
    return {
      result: {
        spreadsheet_id: input.spreadsheet_id,
        sheet_name: input.sheet_name,
        updated_rows: pick(data, 'updated_rows', 'updatedRows', 'rows_updated') ?? null,
        inserted_rows: pick(data, 'inserted_rows', 'insertedRows', 'appended_rows', 'rows_inserted') ?? null,
      },
    };
  },
});
