import Papa from 'papaparse';
import { z } from 'zod';
import { guessDelimiter, readDelimitedRows } from '../../../files/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';
import { fitResult, isTableFile, maxResultCharacters, readTableFile } from './table-files.js';

const formats = ['raw', 'json', 'csv_rows'] as const;
type Format = (typeof formats)[number];

interface FileInput {
  fileId: string;
  filename: string;
  mimeType: string;
  data: Buffer;
}

/** Rows as objects keyed by the header (an empty or repeated header cell is named by its column number). */
function rowsAsObjects(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): Array<Record<string, string>> {
  const keys = headers.map((header, index) => (header.trim() === '' || headers.indexOf(header) !== index ? `column_${index + 1}` : header));
  return rows.map((row) => Object.fromEntries(keys.map((key, index) => [key, row[index] ?? ''])));
}

/** A JSON array of objects or of arrays as rows, header first; null for any other JSON. */
function jsonAsRows(value: unknown): string[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const cell = (item: unknown) => (item === null || item === undefined ? '' : typeof item === 'object' ? JSON.stringify(item) : String(item));
  if (value.every((item) => Array.isArray(item))) return (value as unknown[][]).map((row) => row.map(cell));
  if (!value.every((item) => item !== null && typeof item === 'object')) return null;
  const objects = value as Array<Record<string, unknown>>;
  const headers = [...new Set(objects.flatMap((item) => Object.keys(item)))];
  return [headers, ...objects.map((item) => headers.map((key) => cell(item[key])))];
}

/** The result for a list of rows or items, cut to what fits the model's context. */
function listResult(base: object, items: readonly unknown[], total: number, extra: object = {}) {
  return fitResult(items, (kept) => ({ ...base, ...extra, total_rows: total, returned_rows: kept.length, truncated: kept.length < total, data: kept })).result;
}

/** Lines of a text, a final newline not starting another. */
const lineCount = (text: string) => text.replace(/\r?\n$/, '').split(/\r?\n/).length;

/** The result for text (raw formats), cut to `maxResultCharacters`. */
function textResult(base: object, text: string, lineCount: number, maxLines: number) {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const kept = lines.slice(0, maxLines).join('\n');
  const isTruncated = kept.length > maxResultCharacters || lines.length > maxLines;
  return { ...base, total_lines: lineCount, truncated: isTruncated, data: kept.slice(0, maxResultCharacters) };
}

/** Header + data rows in the format asked for. */
function tableResult(base: object, rows: string[][], totalDataRows: number, format: Format) {
  const [headers = [], ...dataRows] = rows;
  if (format === 'csv_rows') return listResult(base, dataRows, totalDataRows, { headers });
  if (format === 'json') return listResult(base, rowsAsObjects(headers, dataRows), totalDataRows);
  return textResult(base, Papa.unparse(rows), totalDataRows + 1, rows.length);
}

function parseJson(file: FileInput): unknown {
  try {
    return JSON.parse(file.data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('validation_failed', `${file.filename} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readTable(file: FileInput, base: object, format: Format, maxRows: number) {
  if (format === 'raw' && file.mimeType !== 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
    const text = file.data.toString('utf8').replace(/^\uFEFF/, '');
    return textResult(base, text, lineCount(text), maxRows + 1);
  }
  const table = await readTableFile(file, { maxRows: maxRows + 1 });
  return tableResult(base, table.rows, Math.max(0, table.totalRows - 1), format);
}

function readJson(file: FileInput, base: object, format: Format, maxRows: number) {
  const text = file.data.toString('utf8');
  if (format === 'raw') return textResult(base, text, lineCount(text), Number.MAX_SAFE_INTEGER);
  const value = parseJson(file);
  if (format === 'csv_rows') {
    const rows = jsonAsRows(value);
    if (!rows) throw new AppError('validation_failed', `${file.filename} is not a JSON array of objects or arrays; read it with format "json" or "raw"`);
    return tableResult(base, rows.slice(0, maxRows + 1), rows.length - 1, format);
  }
  if (Array.isArray(value)) return listResult(base, value.slice(0, maxRows), value.length);
  const json = JSON.stringify(value);
  return json.length <= maxResultCharacters
    ? { ...base, truncated: false, data: value }
    : { ...base, truncated: true, note: 'The JSON is too large to return whole; this is the start of its text.', data: json.slice(0, maxResultCharacters) };
}

async function readText(file: FileInput, base: object, format: Format, maxRows: number) {
  const text = file.data.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (format === 'raw') return textResult(base, text, lines.length, maxRows);
  if (format === 'json') return listResult(base, lines.slice(0, maxRows), lines.length);
  const table = await readDelimitedRows(Buffer.from(text), guessDelimiter(text.slice(0, 64 * 1024)), { maxRows: maxRows + 1 });
  return tableResult(base, table.rows, Math.max(0, table.totalRows - 1), format);
}

export const readDataFileTool = defineTool({
  name: 'read_data_file',
  displayName: 'Read Data File',
  description:
    'Reads an uploaded data file (CSV, TSV, JSON, Excel .xlsx, or plain text/Markdown), given its file_id. format "json" ' +
    'gives table rows as objects keyed by the header (a JSON file parsed; text as lines), "csv_rows" gives the header and ' +
    'rows as arrays of cells, "raw" gives the text itself. Returns at most max_rows rows and the total count.',
  icon: 'Table',
  category: 'data',
  keywords: ['csv', 'json', 'excel', 'xlsx', 'data', 'dataset', 'table', 'rows', 'text', 'file'],
  inputSchema: z.object({
    file_id: z.string().trim().min(1).max(64).describe('The file_id of an uploaded data file'),
    format: z.enum(formats).default('json').describe('json: rows as objects (or the parsed JSON); csv_rows: arrays of cells; raw: the text'),
    max_rows: z.number().int().min(1).max(10_000).default(100).describe('Rows (lines for text) to return, 1–10000'),
  }),
  async execute(input, context) {
    const file = await context.files.readUpload(context.userId, input.file_id);
    const base = { file_id: file.fileId, filename: file.filename, mime_type: file.mimeType, format: input.format };
    if (isTableFile(file.mimeType)) return { result: await readTable(file, base, input.format, input.max_rows) };
    if (file.mimeType === 'application/json') return { result: readJson(file, base, input.format, input.max_rows) };
    if (file.mimeType === 'text/plain' || file.mimeType === 'text/markdown') return { result: await readText(file, base, input.format, input.max_rows) };
    throw new AppError(
      'unsupported_media_type',
      `${file.filename} is ${file.mimeType}; read_data_file reads CSV, TSV, JSON, Excel and text files. Use read_document for PDF, Word and PowerPoint files.`,
    );
  },
});
