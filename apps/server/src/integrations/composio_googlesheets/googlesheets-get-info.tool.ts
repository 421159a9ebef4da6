import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema, spreadsheetUrl } from './googlesheets-api.js';

/** Describes a spreadsheet and its tabs (Composio `GOOGLESHEETS_GET_SPREADSHEET_INFO`). */
export const googlesheetsGetInfoTool = defineTool({
  name: 'googlesheets_get_info',
  displayName: 'Google Sheet Info',
  description:
    'Describes a Google Sheets spreadsheet the user connected, without its cells: title, locale, time zone, URL, and ' +
    'each tab\'s id, title and size (rows × columns). Use it to learn a spreadsheet\'s layout before reading or writing.',
  icon: 'Info',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'info', 'metadata', 'tabs', 'properties', 'size'],
  inputSchema: z.object({ spreadsheet_id: spreadsheetIdSchema }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_GET_SPREADSHEET_INFO', { spreadsheet_id: input.spreadsheet_id });
    const properties = objectOf(pick(data, 'properties'));
    const sheets = pick(data, 'sheets');
    return {
      result: {
        spreadsheet_id: input.spreadsheet_id,
        title: properties.title ?? null,
        locale: properties.locale ?? null,
        time_zone: properties.timeZone ?? null,
        url: pick(data, 'spreadsheetUrl') ?? spreadsheetUrl(input.spreadsheet_id),
        sheets: (Array.isArray(sheets) ? sheets : []).slice(0, 200).map((sheet) => {
          const sheetProperties = objectOf(objectOf(sheet).properties);
          const grid = objectOf(sheetProperties.gridProperties);
          return {
            sheet_id: sheetProperties.sheetId ?? null,
            title: sheetProperties.title ?? null,
            index: sheetProperties.index ?? null,
            rows: grid.rowCount ?? null,
            columns: grid.columnCount ?? null,
          };
        }),
      },
    };
  },
});
