import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildPdf, buildPptx } from '../../../files/test-support.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readDocumentTool } from './read-document.tool.js';
import { createFileToolsTestbed, type FileToolsTestbed } from './test-support.js';

let testbed: FileToolsTestbed;
beforeAll(async () => {
  testbed = await createFileToolsTestbed();
});
afterAll(() => testbed.app.close());

const run = (fileId: string, context = testbed.context) => readDocumentTool.execute(readDocumentTool.inputSchema.parse({ file_id: fileId }), context);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('read_document', () => {
  it('returns the text of an uploaded PDF with its page and word counts', async () => {
    const fileId = await testbed.upload('minutes.pdf', await buildPdf(['Budget approved for 2027.', 'Next meeting in March.']), 'application/pdf');
    const { result } = await run(fileId);
    expect(result).toMatchObject({ file_id: fileId, filename: 'minutes.pdf', mime_type: 'application/pdf', page_count: 2, word_count: 8, truncated: false });
    expect((result as { text: string }).text).toMatch(/Budget approved for 2027\.\s+Next meeting in March\./);
  });

  it('reads Word and PowerPoint files', async () => {
    const docx = await testbed.upload('plan.docx', await buildDocx(['Goals', 'Ship the file tools.']));
    expect((await run(docx)).result).toMatchObject({ text: 'Goals\n\nShip the file tools.', word_count: 5 });
    const pptx = await testbed.upload('deck.pptx', await buildPptx([['Intro'], ['Results', 'Up 12%']]));
    expect((await run(pptx)).result).toMatchObject({ page_count: 2, text: 'Slide 1\nIntro\n\nSlide 2\nResults\nUp 12%' });
  });

  it('says clearly when a stored "PDF" is not a PDF', async () => {
    const fileId = await testbed.upload('report.pdf', await buildPdf(['real at upload time']));
    // The bytes on disk are replaced behind the database's back (a damaged disk, a restored backup).
    const row = await testbed.app.database.db.selectFrom('files').select('storage_name').where('id', '=', fileId).executeTakeFirstOrThrow();
    writeFileSync(join(testbed.app.config.files.dir, 'blobs', row.storage_name), 'plain text, not a PDF');
    const error = await failure(run(fileId));
    expect(error.message).toBe('report.pdf could not be read as a PDF: it is not a PDF file (it does not start with %PDF-)');
  });

  it('points data files to the data tools, and refuses unknown and other users’ files', async () => {
    const csv = await testbed.upload('numbers.csv', 'a,b\n1,2\n');
    const wrongType = await failure(run(csv));
    expect(wrongType.code).toBe('unsupported_media_type');
    expect(wrongType.message).toContain('Use read_data_file or read_spreadsheet');
    expect((await failure(run('no-such-file'))).code).toBe('not_found');
    const pdf = await testbed.upload('mine.pdf', await buildPdf(['mine']));
    expect((await failure(run(pdf, { ...testbed.context, userId: 'someone-else' }))).code).toBe('not_found');
  });

  it('has an input schema that needs a file id', () => {
    expect(readDocumentTool.inputSchema.safeParse({}).success).toBe(false);
    expect(readDocumentTool.inputSchema.safeParse({ file_id: '' }).success).toBe(false);
  });
});
