import { guessDelimiter, readDelimitedRows, readWorkbookRows, type TableRows } from '../../../files/index.js';

const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Characters of JSON a file tool hands the model at most; rows beyond it are left out and said to be. */
export const maxResultCharacters = 100_000;

/** Tables the file tools read: CSV, TSV and Excel workbooks. */
export function isTableFile(mimeType: string): boolean {
  return mimeType === 'text/csv' || mimeType === 'text/tab-separated-values' || mimeType === xlsxMimeType;
}

/**
 * The rows of a CSV/TSV file or a workbook sheet (`maxRows` rows kept, header included; all counted).
 * @throws AppError not_found for a sheet that does not exist, validation_failed for an unreadable file.
 */
export function readTableFile(file: { data: Buffer; mimeType: string }, options: { sheetName?: string; maxRows: number; includeEmpty?: boolean }): Promise<TableRows> {
  const rowOptions = { maxRows: options.maxRows, includeEmpty: options.includeEmpty ?? false };
  if (file.mimeType === xlsxMimeType) return readWorkbookRows(file.data, options.sheetName, rowOptions);
  const delimiter = file.mimeType === 'text/tab-separated-values' ? '\t' : guessDelimiter(file.data.subarray(0, 64 * 1024).toString('utf8'));
  return readDelimitedRows(file.data, delimiter, rowOptions);
}

/**
 * Keeps as many of `items` as fit in `maxResultCharacters` once `build` turns them into the result (halving
 * until it fits), so one wide table cannot flood the model's context.
 */
export function fitResult<T>(items: readonly T[], build: (kept: readonly T[]) => unknown): { result: unknown; kept: number } {
  let count = items.length;
  for (;;) {
    const result = build(items.slice(0, count));
    if (count === 0 || JSON.stringify(result).length <= maxResultCharacters) return { result, kept: count };
    count = Math.floor(count / 2);
  }
}
