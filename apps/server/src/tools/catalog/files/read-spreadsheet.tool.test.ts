import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, buildXlsx } from '../../../files/test-support.js';
import type { AppError } from '../../../platform/errors/app-error.js';
import { readSpreadsheetTool } from './read-spreadsheet.tool.js';
import { createFileToolsTestbed, type FileToolsTestbed } from './test-support.js';

let testbed: FileToolsTestbed;
let workbookId: string;
beforeAll(async () => {
  testbed = await createFileToolsTestbed();
  workbookId = await testbed.upload('budget.xlsx', await buildXlsx({
    Summary: [['Team', 'Budget', 'Since'], ['Core', 120_000, new Date(Date.UTC(2025, 5, 1))], [], ['Web', { formula: 'B2/2', result: 60_000 }, null]],
    Detail: [['Item', 'Cost'], ...Array.from({ length: 250 }, (_, index) => [`item ${index + 1}`, index])],
  }));
});
afterAll(() => testbed.app.close());

const run = (input: Record<string, unknown>, context = testbed.context) => readSpreadsheetTool.execute(readSpreadsheetTool.inputSchema.parse(input), context);

describe('read_spreadsheet', () => {
  it('reads the first sheet of a workbook with its header, values of formulas and dates', async () => {
    const { result } = await run({ file_id: workbookId });
    expect(result).toEqual({
      file_id: workbookId, filename: 'budget.xlsx', sheet_name: 'Summary', sheets: ['Summary', 'Detail'],
      headers: ['Team', 'Budget', 'Since'], total_rows: 2, returned_rows: 2, truncated: false,
      rows: [['Core', '120000', '2025-06-01'], ['Web', '60000']],
    });
  });

  it('reads a named sheet up to max_rows, and empty rows on request', async () => {
    const detail = (await run({ file_id: workbookId, sheet_name: 'Detail', max_rows: 3 })).result;
    expect(detail).toMatchObject({ sheet_name: 'Detail', total_rows: 250, returned_rows: 3, truncated: true, rows: [['item 1', '0'], ['item 2', '1'], ['item 3', '2']] });
    const withEmpty = (await run({ file_id: workbookId, include_empty: true })).result as { rows: string[][]; total_rows: number };
    expect(withEmpty.rows[1]).toEqual([]);
    expect(withEmpty.total_rows).toBe(3);
  });

  it('reads CSV and TSV uploads', async () => {
    const csv = await testbed.upload('scores.csv', 'name;score\nAda;10\nAlan;9\n', 'text/csv');
    expect((await run({ file_id: csv })).result).toEqual({
      file_id: csv, filename: 'scores.csv', headers: ['name', 'score'], total_rows: 2, returned_rows: 2, truncated: false, rows: [['Ada', '10'], ['Alan', '9']],
    });
    const tsv = await testbed.upload('scores.tsv', 'name\tscore\nAda\t10\n');
    expect((await run({ file_id: tsv })).result).toMatchObject({ headers: ['name', 'score'], rows: [['Ada', '10']] });
  });

  it('names the sheets when the one asked for is missing, and refuses other types', async () => {
    const missing = await run({ file_id: workbookId, sheet_name: 'Forecast' }).catch((error: unknown) => error as AppError);
    expect(missing).toMatchObject({ code: 'not_found', message: 'No sheet named "Forecast"; the sheets are: Summary, Detail' });
    const pdf = await testbed.upload('notes.pdf', await buildPdf(['x']));
    const wrongType = await run({ file_id: pdf }).catch((error: unknown) => error as AppError);
    expect(wrongType).toMatchObject({ code: 'unsupported_media_type' });
    expect(readSpreadsheetTool.inputSchema.safeParse({ file_id: workbookId, max_rows: 0 }).success).toBe(false);
    expect(readSpreadsheetTool.inputSchema.safeParse({ file_id: workbookId, max_rows: 5001 }).success).toBe(false);
  });
});
