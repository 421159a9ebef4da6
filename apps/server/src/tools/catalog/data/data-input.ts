import { z } from 'zod';
import { extensionOf, guessDelimiter } from '../../../files/index.js';
import { ValidationError } from '../../../platform/errors/app-error.js';
import type { ToolContext } from '../../define-tool.js';
import type { SandboxFile } from '../../tool-ports.js';

/** Characters of inline CSV a call may carry (about 5 MB). */
const maxCsvCharacters = 5_000_000;

/** The two ways analyze_data and train_model get their table. */
export const dataInputFields = {
  file_id: z.string().trim().min(1).max(100).optional().describe('Id of an uploaded CSV, TSV, JSON or Excel (.xlsx) file'),
  csv_data: z.string().min(1).max(maxCsvCharacters).optional().describe('The data as CSV text with a header row, when there is no file'),
};

export interface DataInput {
  /** The table as a file for the sandbox. */
  file: SandboxFile;
  /** Python that loads it into the pandas DataFrame `df` (pandas imported as `pd`). */
  loadCode: string;
  /** For the result: where the data came from. */
  source: string;
}

function delimitedInput(name: string, data: Buffer, source: string): DataInput {
  const delimiter = guessDelimiter(data.subarray(0, 64 * 1024).toString('utf8'));
  return { file: { name, data }, loadCode: `df = pd.read_csv(${JSON.stringify(name)}, sep=${JSON.stringify(delimiter)})`, source };
}

/**
 * The table of a call as a sandbox file plus the pandas code that reads it.
 * @throws ValidationError when both or neither input is given, or the file is not a table; NotFoundError for an unknown file
 */
export async function readDataInput(input: { file_id?: string | undefined; csv_data?: string | undefined }, context: ToolContext): Promise<DataInput> {
  if (input.file_id && input.csv_data) throw new ValidationError('Give either file_id or csv_data, not both.');
  if (input.csv_data) return delimitedInput('data.csv', Buffer.from(input.csv_data, 'utf8'), 'csv_data');
  if (!input.file_id) throw new ValidationError('Give the data: file_id of an uploaded file, or csv_data with the CSV text.');

  const upload = await context.files.readUpload(context.userId, input.file_id);
  const extension = extensionOf(upload.filename);
  const source = `file ${upload.filename}`;
  if (upload.mimeType === 'text/csv' || upload.mimeType === 'text/tab-separated-values' || extension === 'csv' || extension === 'tsv') {
    return delimitedInput(extension === 'tsv' ? 'data.tsv' : 'data.csv', upload.data, source);
  }
  if (upload.mimeType === 'application/json' || extension === 'json') {
    return { file: { name: 'data.json', data: upload.data }, loadCode: "df = pd.read_json('data.json')", source };
  }
  if (extension === 'xlsx' || upload.mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
    return { file: { name: 'data.xlsx', data: upload.data }, loadCode: "df = pd.read_excel('data.xlsx')", source };
  }
  throw new ValidationError(`${upload.filename} (${upload.mimeType}) is not a table: use a CSV, TSV, JSON or Excel (.xlsx) file.`);
}

/** Python that keeps only `columns` of `df`, or stops with the list of real columns when one does not exist. */
export function selectColumnsCode(variable: string, columns: readonly string[] | undefined): string {
  if (!columns || columns.length === 0) return '';
  return [
    `_wanted = ${JSON.stringify(columns)}`,
    `_unknown = [name for name in _wanted if name not in ${variable}.columns]`,
    'if _unknown:',
    `    raise SystemExit('Unknown column(s): ' + ', '.join(_unknown) + '. The columns are: ' + ', '.join(map(str, ${variable}.columns)))`,
    `${variable} = ${variable}[_wanted]`,
  ].join('\n');
}
