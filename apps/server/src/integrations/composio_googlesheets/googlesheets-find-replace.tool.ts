import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { googleSheets, runSheetsAction, spreadsheetIdSchema } from './googlesheets-api.js';

/** Finds and replaces text (Composio `GOOGLESHEETS_FIND_REPLACE`, fields of Sheets' `FindReplaceRequest`). */
export const googlesheetsFindReplaceTool = defineTool({
  name: 'googlesheets_find_replace',
  displayName: 'Find and Replace in Google Sheet',
  description:
    'Replaces every occurrence of a text (or regular expression) in a Google Sheets spreadsheet the user connected, ' +
    'in one tab (sheet_id) or all tabs. Returns how many occurrences, cells, rows and tabs changed.',
  icon: 'Replace',
  category: 'integrations',
  integration: googleSheets.id,
  keywords: ['google', 'sheets', 'spreadsheet', 'find', 'replace', 'substitute', 'rename', 'regex'],
  inputSchema: z.object({
    spreadsheet_id: spreadsheetIdSchema,
    find: z.string().min(1).max(5_000).describe('The text to find'),
    replacement: z.string().max(50_000).describe('The text to put instead (may be empty)'),
    sheet_id: z.number().int().min(0).optional().describe('Only this tab (numeric sheet id); else all tabs'),
    match_case: z.boolean().optional().describe('Case-sensitive'),
    match_entire_cell: z.boolean().optional().describe('Only cells whose whole content matches'),
    search_by_regex: z.boolean().optional().describe('find is a regular expression'),
  }),
  async execute(input, context) {
    if (input.find === input.replacement) throw new ValidationError('find and replacement are the same text.');
    const data = await runSheetsAction(context, 'GOOGLESHEETS_FIND_REPLACE', {
      spreadsheetId: input.spreadsheet_id, find: input.find, replacement: input.replacement,
      ...(input.sheet_id === undefined ? { allSheets: true } : { sheetId: input.sheet_id }),
      matchCase: input.match_case, matchEntireCell: input.match_entire_cell, searchByRegex: input.search_by_regex,
    });
    const replies = pick(data, 'replies');
    const fromReply = objectOf(objectOf(Array.isArray(replies) ? replies[0] : undefined).findReplace);
    const counts = Object.keys(fromReply).length > 0 ? fromReply : data;
    return {
      result: {
        spreadsheet_id: input.spreadsheet_id,
        occurrences_changed: counts.occurrencesChanged ?? 0,
        values_changed: counts.valuesChanged ?? 0,
        rows_changed: counts.rowsChanged ?? 0,
        sheets_changed: counts.sheetsChanged ?? 0,
      },
    };
  },
});
