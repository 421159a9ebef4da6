import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../platform/errors/app-error.js';
import { sniffSignature } from './sniff-content.js';
import { listZipEntriesOfBuffer } from './zip-entries.js';

export const pdfMimeType = 'application/pdf';
export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const pptxMimeType = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Types `extractDocumentText` reads. */
export const documentMimeTypes = [pdfMimeType, docxMimeType, pptxMimeType] as const;

/** The text of a document. */
export interface ExtractedDocument {
  text: string;
  /** PDF pages or slides; absent for Word files (pagination is decided when they are printed). */
  pageCount?: number;
}

/** Inflated size an office file may claim before we refuse to open it (a guard against ZIP bombs). */
const maxInflatedBytes = 256 * 1024 * 1024;

const unreadable = (filename: string, what: string, reason: string) =>
  new AppError('validation_failed', `${filename} could not be read as ${what}: ${reason}`);

async function readPdf(data: Buffer, filename: string): Promise<ExtractedDocument> {
  if (sniffSignature(data) !== 'pdf') throw unreadable(filename, 'a PDF', 'it is not a PDF file (it does not start with %PDF-)');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of the array it is given: hand it a copy.
    document = await getDocumentProxy(new Uint8Array(data), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw unreadable(filename, 'a PDF', 'it is protected by a password');
    throw unreadable(filename, 'a PDF', 'its structure is damaged or it is not a PDF');
  }
  try {
    const { totalPages, text } = await extractText(document, { mergePages: false });
    return { text: text.map((page) => page.trim()).join('\n\n').trim(), pageCount: totalPages };
  } finally {
    await document.destroy();
  }
}

async function assertReasonableArchive(data: Buffer, filename: string, what: string): Promise<void> {
  const entries = await listZipEntriesOfBuffer(data);
  if (!entries) throw unreadable(filename, what, 'it is not a valid Office file');
  const inflated = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (inflated > maxInflatedBytes) throw unreadable(filename, what, 'it expands to more than 256 MB');
}

async function readDocx(data: Buffer, filename: string): Promise<ExtractedDocument> {
  await assertReasonableArchive(data, filename, 'a Word document');
  try {
    const result = await mammoth.extractRawText({ buffer: data });
    return { text: result.value.replace(/\n{3,}/g, '\n\n').trim() };
  } catch {
    throw unreadable(filename, 'a Word document', 'its content is damaged');
  }
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return xmlEntities[body] ?? entity;
  });
}

/** The paragraphs (`<a:p>`) of one slide's DrawingML, each the concatenation of its text runs (`<a:t>`). */
export function slideParagraphs(xml: string): string[] {
  return xml
    .split(/<\/a:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)].map((run) => decodeXmlText(run[1] ?? '')).join(''))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

async function readPptx(data: Buffer, filename: string): Promise<ExtractedDocument> {
  await assertReasonableArchive(data, filename, 'a PowerPoint presentation');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw unreadable(filename, 'a PowerPoint presentation', 'it is not a valid Office file');
  }
  const slides = Object.keys(zip.files)
    .map((name) => ({ name, number: Number(/^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1]) }))
    .filter((slide) => Number.isInteger(slide.number))
    .sort((left, right) => left.number - right.number);
  const texts: string[] = [];
  for (const [index, slide] of slides.entries()) {
    const xml = await zip.file(slide.name)?.async('string');
    const paragraphs = xml ? slideParagraphs(xml) : [];
    texts.push(`Slide ${index + 1}${paragraphs.length ? `\n${paragraphs.join('\n')}` : ''}`);
  }
  return { text: texts.join('\n\n'), pageCount: slides.length };
}

/**
 * The text of a PDF, Word (.docx) or PowerPoint (.pptx) file.
 * @throws AppError validation_failed with a sentence naming the file when it cannot be read as its type
 *   (not that format at all, damaged, password-protected, a ZIP bomb), unsupported_media_type for other types.
 */
export async function extractDocumentText(data: Buffer, mimeType: string, filename: string): Promise<ExtractedDocument> {
  switch (mimeType) {
    case pdfMimeType: return readPdf(data, filename);
    case docxMimeType: return readDocx(data, filename);
    case pptxMimeType: return readPptx(data, filename);
    default:
      throw new AppError('unsupported_media_type', `${filename} is ${mimeType}; only PDF, Word (.docx) and PowerPoint (.pptx) files have document text`);
  }
}

/** Words in a text (runs of non-space characters). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
