import { z } from 'zod';
import { countWords, documentMimeTypes, extractDocumentText } from '../../../files/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

/** Characters of document text returned at most (about 25 000 words). */
const maxTextCharacters = 100_000;

export const readDocumentTool = defineTool({
  name: 'read_document',
  displayName: 'Read Document',
  description:
    'Returns the text of a PDF, Word (.docx) or PowerPoint (.pptx) file the user uploaded, given its file_id, with its page ' +
    '(or slide) and word counts. Use it to read, summarise or answer questions about an attached document. For CSV, JSON ' +
    'or Excel files use read_data_file or read_spreadsheet instead.',
  icon: 'FileText',
  category: 'documents',
  keywords: ['pdf', 'docx', 'word', 'pptx', 'powerpoint', 'document', 'read', 'extract', 'text', 'attachment'],
  inputSchema: z.object({
    file_id: z.string().trim().min(1).max(64).describe('The file_id of an uploaded PDF, DOCX or PPTX file'),
  }),
  async execute({ file_id: fileId }, context) {
    const file = await context.files.readUpload(context.userId, fileId);
    if (!(documentMimeTypes as readonly string[]).includes(file.mimeType)) {
      throw new AppError(
        'unsupported_media_type',
        `${file.filename} is ${file.mimeType}; read_document reads PDF, Word (.docx) and PowerPoint (.pptx) files. ` +
          'Use read_data_file or read_spreadsheet for data files.',
      );
    }
    const { text, pageCount } = await extractDocumentText(file.data, file.mimeType, file.filename);
    const isTruncated = text.length > maxTextCharacters;
    return {
      result: {
        file_id: file.fileId,
        filename: file.filename,
        mime_type: file.mimeType,
        ...(pageCount === undefined ? {} : { page_count: pageCount }),
        word_count: countWords(text),
        truncated: isTruncated,
        ...(text.trim() === '' ? { note: 'The document has no text layer; it may be a scanned image.' } : {}),
        ...(isTruncated ? { note: `Only the first ${maxTextCharacters} characters of ${text.length} are included.` } : {}),
        text: isTruncated ? text.slice(0, maxTextCharacters) : text,
      },
    };
  },
});
