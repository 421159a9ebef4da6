import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

/**
 * Real files for tests: a PDF written by pdfkit, Word and PowerPoint files built as real OOXML packages, an
 * Excel workbook written by exceljs, and multipart bodies as a browser sends them.
 */

/** A PDF with one page per text. */
export function buildPdf(pages: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false, info: { Title: 'Test', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    for (const text of pages) document.addPage().text(text);
    document.end();
  });
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function contentTypes(overrides: Array<[part: string, type: string]>): string {
  return `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('') +
    '</Types>';
}

function relationships(targets: Array<[id: string, type: string, target: string]>): string {
  return `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    targets.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
    '</Relationships>';
}

const officeDocumentRelation = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const zipBuffer = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

/** A Word document with one paragraph per text. */
export function buildDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes([['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']]));
  zip.file('_rels/.rels', relationships([['rId1', officeDocumentRelation, 'word/document.xml']]));
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `${xmlHeader}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zipBuffer(zip);
}

/** A PowerPoint presentation; each slide is a list of paragraphs (title first). */
export function buildPptx(slides: ReadonlyArray<readonly string[]>): Promise<Buffer> {
  const zip = new JSZip();
  const slideType = 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml';
  zip.file('[Content_Types].xml', contentTypes([
    ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
    ...slides.map((_, index): [string, string] => [`ppt/slides/slide${index + 1}.xml`, slideType]),
  ]));
  zip.file('_rels/.rels', relationships([['rId1', officeDocumentRelation, 'ppt/presentation.xml']]));
  const slideRelation = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';
  zip.file('ppt/_rels/presentation.xml.rels', relationships(slides.map((_, index) => [`rId${index + 1}`, slideRelation, `slides/slide${index + 1}.xml`])));
  const namespaces = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  zip.file('ppt/presentation.xml', `${xmlHeader}<p:presentation ${namespaces}><p:sldIdLst>${slides.map((_, index) => `<p:sldId id="${256 + index}" r:id="rId${index + 1}"/>`).join('')}</p:sldIdLst></p:presentation>`);
  slides.forEach((paragraphs, index) => {
    const shapes = paragraphs.map((text) => `<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></p:txBody></p:sp>`).join('');
    zip.file(`ppt/slides/slide${index + 1}.xml`, `${xmlHeader}<p:sld ${namespaces}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`);
  });
  return zipBuffer(zip);
}

/** An Excel workbook: sheet name → rows. */
export async function buildXlsx(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A ZIP archive that is not an office file. */
export function buildPlainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('notes/readme.txt', 'just a zip');
  return zipBuffer(zip);
}

/** The smallest valid PNG (1×1, transparent). */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const multipartBoundary = '----claraverse-test-boundary';

/** The bytes before a file's content in a one-file multipart body (field `file` unless given). */
export function multipartPreamble(file: { filename: string; contentType?: string; field?: string }, fields: Record<string, string> = {}): Buffer {
  const fieldParts = Object.entries(fields)
    .map(([name, value]) => `--${multipartBoundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return Buffer.from(
    `${fieldParts}--${multipartBoundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
}

/** The bytes after a file's content. */
export const multipartEpilogue = Buffer.from(`\r\n--${multipartBoundary}--\r\n`);

/** A complete multipart body and its Content-Type header, for `app.http.inject`. */
export function multipartBody(
  file: { filename: string; contentType?: string; data: Buffer | string; field?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: { 'content-type': string } } {
  return {
    payload: Buffer.concat([multipartPreamble(file, fields), Buffer.from(file.data), multipartEpilogue]),
    headers: { 'content-type': `multipart/form-data; boundary=${multipartBoundary}` },
  };
}
