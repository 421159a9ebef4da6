import { defineIntegration } from '../define-integration.js';
import { composioEntityField, pick, testComposioConnection } from '../composio/composio-tool.js';
import { googleSheets } from './googlesheets-api.js';
import { googlesheetsAddSheetTool } from './googlesheets-add-sheet.tool.js';
import { googlesheetsAppendTool } from './googlesheets-append.tool.js';
import { googlesheetsClearTool } from './googlesheets-clear.tool.js';
import { googlesheetsCreateTool } from './googlesheets-create.tool.js';
import { googlesheetsDeleteSheetTool } from './googlesheets-delete-sheet.tool.js';
import { googlesheetsFindReplaceTool } from './googlesheets-find-replace.tool.js';
import { googlesheetsGetInfoTool } from './googlesheets-get-info.tool.js';
import { googlesheetsListSheetsTool } from './googlesheets-list-sheets.tool.js';
import { googlesheetsReadTool } from './googlesheets-read.tool.js';
import { googlesheetsSearchTool } from './googlesheets-search.tool.js';
import { googlesheetsUpsertRowsTool } from './googlesheets-upsert-rows.tool.js';
import { googlesheetsWriteTool } from './googlesheets-write.tool.js';

/**
 * Google Sheets through Composio: connected with Google's OAuth on Composio's hosted page (the Credentials page →
 * Connect Google Sheets); the credential holds only the Composio entity. Offered only when the instance has
 * `COMPOSIO_API_KEY`. The credential test lists one spreadsheet (`GOOGLESHEETS_SEARCH_SPREADSHEETS`).
 */
export const composioGoogleSheetsIntegration = defineIntegration({
  id: googleSheets.id,
  name: 'Google Sheets',
  description: 'Read, write, append and organise your Google Sheets spreadsheets (connected through Composio).',
  icon: 'Sheet',
  category: 'productivity',
  docsUrl: 'https://docs.composio.dev/toolkits/googlesheets',
  requiresInstanceConfig: 'composio',
  fields: [composioEntityField('Google Sheets')],
  tools: [
    googlesheetsReadTool, googlesheetsWriteTool, googlesheetsAppendTool, googlesheetsCreateTool, googlesheetsGetInfoTool,
    googlesheetsListSheetsTool, googlesheetsSearchTool, googlesheetsClearTool, googlesheetsAddSheetTool,
    googlesheetsDeleteSheetTool, googlesheetsFindReplaceTool, googlesheetsUpsertRowsTool,
  ],
  async test(values, context) {
    const data = await testComposioConnection(values, context, googleSheets, 'GOOGLESHEETS_SEARCH_SPREADSHEETS', { max_results: 1 });
    const found = pick(data, 'spreadsheets', 'files');
    return { message: 'Connected to Google Sheets.', details: { spreadsheetsSeen: Array.isArray(found) ? found.length : 0 } };
  },
});
