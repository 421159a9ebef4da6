import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { DataPreview, UploadFileType } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import { countWords, extractDocumentText } from './extract-document-text.js';
import { guessDelimiter, readDelimitedRows, readWorkbookRows, type TableRows } from './read-tables.js';

/** What the upload answer shows about a file's content (stored with its row). */
export interface UploadDetails {
  pageCount?: number;
  wordCount?: number;
  preview?: string;
  dataPreview?: DataPreview;
}

const previewCharacters = 1000;
const previewRows = 10;
const previewCellLength = 200;
/** Text and JSON up to this size are read whole (word count, JSON check); larger ones only previewed. */
const wholeReadBytes = 10 * 1024 * 1024;

function toDataPreview(table: TableRows): DataPreview {
  const [headers = [], ...rows] = table.rows;
  return {
    headers, rows, rowCount: Math.max(0, table.totalRows - 1), columnCount: table.columnCount,
    ...(table.sheetNames.length ? { sheetNames: table.sheetNames } : {}),
  };
}

async function readStart(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    // A character cut at the end decodes as U+FFFD; drop it.
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/\uFFFD$/, '');
  } finally {
    await handle.close();
  }
}

/** Array of objects → their keys as headers; array of arrays → the first array as headers. */
function jsonDataPreview(value: unknown): DataPreview | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const cell = (item: unknown) => (item === null || item === undefined ? '' : typeof item === 'object' ? JSON.stringify(item) : String(item)).slice(0, previewCellLength);
  if (value.every((item) => Array.isArray(item))) {
    const rows = value as unknown[][];
    return toDataPreview({ sheetNames: [], sheetName: null, rows: rows.slice(0, previewRows + 1).map((row) => row.map(cell)), totalRows: rows.length, columnCount: Math.max(...rows.map((row) => row.length)) });
  }
  if (!value.every((item) => item !== null && typeof item === 'object')) return undefined;
  const objects = value as Array<Record<string, unknown>>;
  const headers = [...new Set(objects.slice(0, 100).flatMap((item) => Object.keys(item)))];
  return { headers, rows: objects.slice(0, previewRows).map((item) => headers.map((key) => cell(item[key]))), rowCount: objects.length, columnCount: headers.length };
}

async function inspectText(path: string, type: UploadFileType, size: number, filename: string): Promise<UploadDetails> {
  if (size > wholeReadBytes) return { preview: (await readStart(path, previewCharacters * 4)).slice(0, previewCharacters) };
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const details: UploadDetails = { preview: text.slice(0, previewCharacters), wordCount: countWords(text) };
  if (type.mimeType !== 'application/json') return details;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation_failed', `${filename} is not valid JSON: ${(error as Error).message}`);
  }
  const dataPreview = jsonDataPreview(value);
  return dataPreview ? { ...details, dataPreview } : details;
}

/**
 * Reads what the upload answer shows: text, page and word counts of documents, the first rows of tables.
 * Tables are streamed, so a 100 MB CSV is counted without being held in memory.
 * @throws AppError validation_failed when the content cannot be read as its type (a damaged PDF, bad JSON).
 */
export async function inspectUpload(path: string, type: UploadFileType, size: number, filename: string): Promise<UploadDetails> {
  const tableOptions = { maxRows: previewRows + 1, maxCellLength: previewCellLength };
  switch (type.kind) {
    case 'pdf':
    case 'document': {
      const { text, pageCount } = await extractDocumentText(await readFile(path), type.mimeType, filename);
      return { preview: text.slice(0, previewCharacters), wordCount: countWords(text), ...(pageCount === undefined ? {} : { pageCount }) };
    }
    case 'spreadsheet':
      return { dataPreview: toDataPreview(await readWorkbookRows(createReadStream(path), undefined, tableOptions)) };
    case 'data':
    {
      if (type.mimeType === 'application/json') return inspectText(path, type, size, filename);
      const start = (await readStart(path, 64 * 1024)).replace(/^\uFEFF/, '');
      const delimiter = type.mimeType === 'text/csv' ? guessDelimiter(start) : '\t';
      return {
        preview: start.slice(0, previewCharacters),
        dataPreview: toDataPreview(await readDelimitedRows(createReadStream(path), delimiter, tableOptions)),
      };
    }
    case 'text':
      return inspectText(path, type, size, filename);
    case 'image':
    case 'audio':
      return {};
  }
}
