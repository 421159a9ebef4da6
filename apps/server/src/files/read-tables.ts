import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../platform/errors/app-error.js';

/** Rows read from a CSV/TSV file or one sheet of a workbook, cells as text. */
export interface TableRows {
  /** Sheets of a workbook in order; empty for CSV/TSV. */
  sheetNames: string[];
  /** The sheet the rows come from; null for CSV/TSV. */
  sheetName: string | null;
  /** The first `maxRows` rows, the header row (if any) included. */
  rows: string[][];
  /** Rows in the whole file or sheet, counted the same way. */
  totalRows: number;
  /** Widest row seen. */
  columnCount: number;
}

export interface ReadRowsOptions {
  /** Rows kept (the rest are only counted). */
  maxRows: number;
  /** Keep rows whose cells are all empty. */
  includeEmpty?: boolean;
  /** Longest cell kept, characters; longer ones end with `…`. Default 10 000. */
  maxCellLength?: number;
}

const isEmptyRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

function clip(cell: string, maxLength: number): string {
  return cell.length > maxLength ? `${cell.slice(0, maxLength - 1)}…` : cell;
}

function createCollector(options: ReadRowsOptions) {
  const maxCellLength = options.maxCellLength ?? 10_000;
  const rows: string[][] = [];
  let totalRows = 0;
  let columnCount = 0;
  return {
    add(row: string[]): void {
      if (!options.includeEmpty && isEmptyRow(row)) return;
      totalRows += 1;
      columnCount = Math.max(columnCount, row.length);
      if (rows.length < options.maxRows) rows.push(row.map((cell) => clip(cell, maxCellLength)));
    },
    result: (sheetNames: string[], sheetName: string | null): TableRows => ({ sheetNames, sheetName, rows, totalRows, columnCount }),
  };
}

const toReadable = (source: Buffer | Readable) => (Buffer.isBuffer(source) ? Readable.from([source]) : source);

const candidateDelimiters = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of CSV text from its first line: whichever of `,` `;` tab `|` occurs most outside quotes
 * (semicolons are common where the comma is the decimal mark); `,` when none does.
 */
export function guessDelimiter(sample: string): string {
  const firstLine = sample.replace(/^\uFEFF/, '').replace(/"(?:[^"]|"")*"/g, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = candidateDelimiters.map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  const best = counts.reduce((left, right) => (right.count > left.count ? right : left));
  return best.count > 0 ? best.delimiter : ',';
}

/** Reads CSV or TSV text as a stream: memory stays bounded by `maxRows`, whatever the file's size. */
export function readDelimitedRows(source: Buffer | Readable, delimiter: string, options: ReadRowsOptions): Promise<TableRows> {
  const collector = createCollector(options);
  // Strings, not buffers: the parser would otherwise split multi-byte characters that straddle two chunks.
  const text = Buffer.isBuffer(source) ? Readable.from([source.toString('utf8')]) : source.setEncoding('utf8');
  let isFirstRow = true;
  let blankLines = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step: (result) => {
        // A blank line is one empty cell; blank lines at the end of the file are not rows of the table.
        if (result.data.length === 1 && result.data[0] === '') {
          blankLines += 1;
          return;
        }
        for (; blankLines > 0; blankLines -= 1) collector.add([]);
        const cells = result.data.map((cell) => String(cell));
        if (isFirstRow && cells[0]?.startsWith('\ufeff')) cells[0] = cells[0].slice(1);
        isFirstRow = false;
        collector.add(cells);
      },
      complete: () => resolve(collector.result([], null)),
      error: (error: Error) => reject(new AppError('validation_failed', `The file could not be read as CSV: ${error.message}`)),
    });
  });
}

/** A cell of exceljs as the text a person sees (formulas by their result, dates as ISO dates). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
  if ('error' in value) return String(value.error);
  return JSON.stringify(value);
}

function rowCells(values: ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>): string[] {
  // exceljs puts column A at index 1.
  const cells = Array.isArray(values) ? values.slice(1) : Object.values(values);
  return Array.from(cells, (cell) => cellText(cell ?? null));
}

/**
 * Reads one sheet of an .xlsx workbook as a stream (a 100 MB workbook is never loaded whole).
 * @param sheetName the sheet to read; the first one when absent.
 * @throws AppError not_found when the sheet does not exist, validation_failed when the file is not a workbook.
 */
export async function readWorkbookRows(source: Buffer | Readable, sheetName: string | undefined, options: ReadRowsOptions): Promise<TableRows> {
  const collector = createCollector(options);
  const sheetNames: string[] = [];
  let chosen: string | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(toReadable(source), {
      worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
    });
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheetNames.length + 1}`;
      sheetNames.push(name);
      const isChosen = chosen === null && (sheetName === undefined || sheetName === name);
      if (isChosen) chosen = name;
      let lastRowNumber = 0;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!isChosen) continue;
        // Empty rows are not in the file: add them back when they are wanted.
        for (let missing = lastRowNumber + 1; options.includeEmpty && missing < row.number; missing += 1) collector.add([]);
        lastRowNumber = row.number;
        collector.add(rowCells(row.values));
      }
    }
  } catch (error) {
    throw new AppError('validation_failed', `The file could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  if (chosen === null) {
    throw new AppError('not_found', sheetName === undefined ? 'The workbook has no sheets' : `No sheet named "${sheetName}"; the sheets are: ${sheetNames.join(', ')}`);
  }
  return collector.result(sheetNames, chosen);
}
