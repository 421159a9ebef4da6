import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetUrl } from './googlesheets-api.js';

/** Creates a spreadsheet in the user's Drive (Composio `GOOGLESHEETS_CREATE_GOOGLE_SHEET1`). */
export const googlesheetsCreateTool = defineTool({
  name: 'googlesheets_create',
  displayName: 'Create Google Sheet',
  description:
    'Creates a new, empty Google Sheets spreadsheet in the user\'s Google Drive. Use it before writing data that has ' +
    'no spreadsheet yet. Returns its id, title and URL.',
  icon: 'FilePlus',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'create', 'new', 'drive', 'workbook'],
  inputSchema: z.object({
    title: z.string().trim().min(1).max(500).describe('The spreadsheet\'s title'),
  }),
  async execute(input, context) {
    const data = await runSheetsAction(context, 'GOOGLESHEETS_CREATE_GOOGLE_SHEET1', { title: input.title });
    const id = pick(data, 'spreadsheetId', 'spreadsheet_id', 'id');
    const properties = objectOf(pick(data, 'properties'));
    return {
      result: {
        spreadsheet_id: typeof id === 'string' ? id : null,
        title: properties.title ?? input.title,
        url: pick(data, 'spreadsheetUrl', 'spreadsheet_url') ?? (typeof id === 'string' ? spreadsheetUrl(id) : null),
      },
    };
  },
});
