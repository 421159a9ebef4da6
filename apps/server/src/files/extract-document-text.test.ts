import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { countWords, docxMimeType, extractDocumentText, pdfMimeType, pptxMimeType, slideParagraphs } from './extract-document-text.js';
import { buildDocx, buildPdf, buildPptx, buildXlsx } from './test-support.js';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('extractDocumentText', () => {
  it('reads every page of a PDF written by pdfkit', async () => {
    const pdf = await buildPdf(['Quarterly revenue grew by 12 percent.', 'Costs stayed flat.']);
    const result = await extractDocumentText(pdf, pdfMimeType, 'report.pdf');
    expect(result.pageCount).toBe(2);
    expect(result.text).toContain('Quarterly revenue grew by 12 percent.');
    expect(result.text.indexOf('Costs stayed flat.')).toBeGreaterThan(result.text.indexOf('Quarterly'));
  });

  it('reads the paragraphs of a Word document', async () => {
    const docx = await buildDocx(['Dear Ada,', 'The invoice & the receipt are attached.']);
    const result = await extractDocumentText(docx, docxMimeType, 'letter.docx');
    expect(result.text).toBe('Dear Ada,\n\nThe invoice & the receipt are attached.');
    expect(result.pageCount).toBeUndefined();
  });

  it('reads slides in numeric order (slide 10 after slide 2)', async () => {
    const slides = Array.from({ length: 10 }, (_, index) => [`Title ${index + 1}`, `Point <${index + 1}>`]);
    const result = await extractDocumentText(await buildPptx(slides), pptxMimeType, 'deck.pptx');
    expect(result.pageCount).toBe(10);
    expect(result.text.startsWith('Slide 1\nTitle 1\nPoint <1>\n\nSlide 2\nTitle 2')).toBe(true);
    expect(result.text.endsWith('Slide 10\nTitle 10\nPoint <10>')).toBe(true);
  });

  it('says clearly when a "PDF" is not a PDF, or is damaged', async () => {
    const notPdf = await failure(extractDocumentText(Buffer.from('just some text pretending'), pdfMimeType, 'fake.pdf'));
    expect(notPdf.code).toBe('validation_failed');
    expect(notPdf.message).toBe('fake.pdf could not be read as a PDF: it is not a PDF file (it does not start with %PDF-)');
    const damaged = await failure(extractDocumentText(Buffer.from('%PDF-1.7\n garbage without objects'), pdfMimeType, 'broken.pdf'));
    expect(damaged.message).toBe('broken.pdf could not be read as a PDF: its structure is damaged or it is not a PDF');
  });

  it('refuses a Word file that is not a ZIP, and a spreadsheet given as a document type', async () => {
    const notZip = await failure(extractDocumentText(Buffer.from('hello'), docxMimeType, 'a.docx'));
    expect(notZip.message).toBe('a.docx could not be read as a Word document: it is not a valid Office file');
    const workbook = await failure(extractDocumentText(await buildXlsx({ S: [['a']] }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'b.xlsx'));
    expect(workbook.code).toBe('unsupported_media_type');
  });
});

describe('slideParagraphs and countWords', () => {
  it('joins the runs of a paragraph and decodes entities', () => {
    expect(slideParagraphs('<a:p><a:r><a:t>Hel</a:t></a:r><a:r><a:t xml:space="preserve">lo &amp; bye&#x21;</a:t></a:r></a:p><a:p></a:p>')).toEqual(['Hello & bye!']);
    expect(countWords('  one two\nthree\t')).toBe(3);
    expect(countWords('')).toBe(0);
  });
});
