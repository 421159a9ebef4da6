import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';
import { fitResult, isTableFile, readTableFile } from './table-files.js';

export const readSpreadsheetTool = defineTool({
  name: 'read_spreadsheet',
  displayName: 'Read Spreadsheet',
  description:
    'Reads rows of an uploaded Excel workbook (.xlsx), CSV or TSV file, given its file_id: the header row, the first ' +
    'max_rows data rows and the total row count. For a workbook, pick a sheet with sheet_name (the first one otherwise); ' +
    'the answer lists all sheet names. Cells come back as text (dates as YYYY-MM-DD, formulas as their values).',
  icon: 'Sheet',
  category: 'data',
  keywords: ['excel', 'xlsx', 'spreadsheet', 'sheet', 'csv', 'tsv', 'table', 'rows', 'workbook'],
  inputSchema: z.object({
    file_id: z.string().trim().min(1).max(64).describe('The file_id of an uploaded .xlsx, .csv or .tsv file'),
    sheet_name: z.string().trim().min(1).max(200).optional().describe('Sheet of a workbook to read; the first sheet when omitted'),
    max_rows: z.number().int().min(1).max(5000).default(100).describe('Data rows to return after the header (1–5000)'),
    include_empty: z.boolean().default(false).describe('Keep rows whose cells are all empty'),
  }),
  async execute(input, context) {
    const file = await context.files.readUpload(context.userId, input.file_id);
    if (!isTableFile(file.mimeType)) {
      throw new AppError('unsupported_media_type', `${file.filename} is ${file.mimeType}; read_spreadsheet reads .xlsx, .csv and .tsv files. Use read_data_file for JSON or text, read_document for documents.`);
    }
    const table = await readTableFile(file, {
      maxRows: input.max_rows + 1, includeEmpty: input.include_empty, ...(input.sheet_name ? { sheetName: input.sheet_name } : {}),
    });
    const [headers = [], ...rows] = table.rows;
    const totalRows = Math.max(0, table.totalRows - 1);
    const { result } = fitResult(rows, (kept) => ({
      file_id: file.fileId,
      filename: file.filename,
      ...(table.sheetName ? { sheet_name: table.sheetName, sheets: table.sheetNames } : {}),
      headers,
      total_rows: totalRows,
      returned_rows: kept.length,
      truncated: kept.length < totalRows,
      rows: kept,
    }));
    return { result };
  },
});
