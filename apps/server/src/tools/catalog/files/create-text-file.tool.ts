import { z } from 'zod';
import { extensionOf } from '../../../files/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

/** Text extensions the tool writes, with the type the download is served as (anything else is text/plain). */
const textExtensions: Record<string, string> = {
  txt: 'text/plain', text: 'text/plain', log: 'text/plain', md: 'text/markdown', markdown: 'text/markdown', rst: 'text/plain',
  csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson',
  yaml: 'application/yaml', yml: 'application/yaml', toml: 'text/plain', ini: 'text/plain', cfg: 'text/plain', conf: 'text/plain', env: 'text/plain',
  xml: 'application/xml', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript', cjs: 'text/javascript',
  ts: 'text/plain', tsx: 'text/plain', jsx: 'text/plain', py: 'text/x-python', rb: 'text/plain', go: 'text/plain', rs: 'text/plain',
  java: 'text/plain', kt: 'text/plain', swift: 'text/plain', c: 'text/plain', h: 'text/plain', cpp: 'text/plain', hpp: 'text/plain', cs: 'text/plain',
  php: 'text/plain', sh: 'text/plain', bash: 'text/plain', ps1: 'text/plain', sql: 'text/plain', r: 'text/plain', lua: 'text/plain', pl: 'text/plain',
  scala: 'text/plain', dart: 'text/plain', vue: 'text/plain', svelte: 'text/plain', tex: 'text/plain', bib: 'text/plain', srt: 'text/plain',
  vtt: 'text/vtt', ics: 'text/calendar', gitignore: 'text/plain', editorconfig: 'text/plain',
};

/** Names of text files that have no extension by custom. */
const knownBareNames = /^(dockerfile|makefile|procfile|license|readme)$/i;

/** The name to save under and the extension that decides its type: `.txt` is added to a bare name. */
function textFilename(requested: string): { filename: string; extension: string } {
  const name = requested.split(/[/\\]/).pop()?.trim() || 'file';
  const extension = extensionOf(name);
  if (extension) return { filename: name, extension };
  return knownBareNames.test(name) ? { filename: name, extension: 'txt' } : { filename: `${name}.txt`, extension: 'txt' };
}

/** Largest content, characters (about 5 MB of text). */
const maxContentCharacters = 5_000_000;

export const createTextFileTool = defineTool({
  name: 'create_text_file',
  displayName: 'Create Text File',
  description:
    'Saves text as a downloadable file and returns a link that works for 30 days (no sign-in needed: the link carries its ' +
    'access code). Use it for code, data, notes or configuration the user wants as a file: .txt .md .json .yaml .xml .csv ' +
    '.html .css .js .ts .py .sql .sh and other text formats. JSON content must be valid JSON.',
  icon: 'FilePlus',
  category: 'files',
  keywords: ['file', 'text', 'save', 'export', 'download', 'code', 'json', 'csv', 'markdown', 'write'],
  inputSchema: z.object({
    filename: z.string().trim().min(1).max(200).describe('File name with a text extension, e.g. "report.md"; ".txt" is added when it has none'),
    content: z.string().min(1).max(maxContentCharacters).describe('The whole text of the file'),
  }),
  async execute(input, context) {
    const { filename, extension } = textFilename(input.filename);
    const mimeType = textExtensions[extension];
    if (!mimeType) {
      throw new AppError('validation_failed', `.${extension} is not a text format this tool writes; use one such as .txt, .md, .json, .csv, .html or .py`);
    }
    if (mimeType === 'application/json') {
      try {
        JSON.parse(input.content);
      } catch (error) {
        throw new AppError('validation_failed', `The content is not valid JSON (${(error as Error).message}); fix it or use a .txt name`);
      }
    }
    const saved = await context.files.saveGenerated(context.userId, { filename, mimeType, data: Buffer.from(input.content, 'utf8') });
    return {
      result: {
        message: `Created "${saved.filename}". Give the user the download link; it works for 30 days.`,
        file_id: saved.fileId,
        filename: saved.filename,
        download_url: saved.url,
        size_bytes: saved.size,
        expires_at: saved.expiresAt,
      },
    };
  },
});
