import { z } from 'zod';
import type { ToolContext } from '../../tools/define-tool.js';
import { objectOf, pick, runComposioAction } from '../composio/composio-tool.js';

/** Google Sheets through Composio's Google Sheets toolkit (actions `GOOGLESHEETS_*`, parameters as Composio documents). */
export const googleSheets = { id: 'composio_googlesheets', serviceName: 'Google Sheets' } as const;

/** Runs a `GOOGLESHEETS_*` action for the calling user and returns its `data` as an object. */
export async function runSheetsAction(context: ToolContext, action: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  return objectOf(await runComposioAction(context, googleSheets, action, args));
}

/** The id in a spreadsheet's URL: docs.google.com/spreadsheets/d/<id>/edit. A full URL is accepted and reduced. */
export const spreadsheetIdSchema = z
  .string()
  .trim()
  .min(10)
  .max(500)
  .transform((value) => /\/spreadsheets\/d\/([\w-]+)/.exec(value)?.[1] ?? value)
  .pipe(z.string().regex(/^[\w-]{10,200}$/, 'Give the spreadsheet id (the part after /spreadsheets/d/ in its URL)'))
  .describe('The spreadsheet id (or its URL)');

/** Cell values: rows of strings, numbers, booleans or empty cells. */
export const rowsSchema = z.array(z.array(z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()])).max(1_000)).min(1).max(10_000);

/** How Google reads written values: as typed by a person (formulas, dates) or as they are. */
export const valueInputOptionSchema = z.enum(['USER_ENTERED', 'RAW']).default('USER_ENTERED').describe('USER_ENTERED parses formulas and dates like typing; RAW stores text as is');

/** The `spreadsheets.values.update`/`append` counts (`updatedRange`, `updatedRows`…), wherever Composio nests them. */
export function updateCounts(data: Record<string, unknown>): Record<string, unknown> {
  const updates = objectOf(pick(data, 'updates', 'updatedData'));
  const source = Object.keys(updates).length > 0 ? updates : data;
  return {
    updated_range: pick(source, 'updatedRange', 'updated_range') ?? null,
    updated_rows: pick(source, 'updatedRows', 'updated_rows') ?? null,
    updated_columns: pick(source, 'updatedColumns', 'updated_columns') ?? null,
    updated_cells: pick(source, 'updatedCells', 'updated_cells') ?? null,
  };
}

/** The URL a person opens for a spreadsheet. */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}
