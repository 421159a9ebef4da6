import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { assertAllowedExtension, identifyUploadType, maxBytesForHead } from './identify-upload-type.js';
import { listZipEntriesOfBuffer } from './zip-entries.js';
import { buildDocx, buildPdf, buildPlainZip, buildXlsx, tinyPng } from './test-support.js';

const megabytes = (count: number) => count * 1024 * 1024;

async function identify(data: Buffer, filename: string, mimeType?: string) {
  const isText = (() => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(data);
      return !data.includes(0);
    } catch {
      return false;
    }
  })();
  return identifyUploadType({ head: data.subarray(0, 4096), isText }, { filename, ...(mimeType ? { mimeType } : {}) }, () => listZipEntriesOfBuffer(data));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('unsupported_media_type');
  expect((error as AppError).headers).toEqual({ connection: 'close' });
  return (error as AppError).message;
}

describe('identifyUploadType', () => {
  it('identifies content whose name and declared type agree', async () => {
    expect((await identify(tinyPng, 'pixel.png', 'image/png')).mimeType).toBe('image/png');
    expect((await identify(await buildPdf(['x']), 'report.PDF', 'application/pdf')).mimeType).toBe('application/pdf');
    expect((await identify(await buildDocx(['x']), 'letter.docx', 'application/octet-stream')).mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await identify(await buildXlsx({ S: [[1]] }), 'book.xlsx')).kind).toBe('spreadsheet');
    expect((await identify(Buffer.from('a,b\n1,2\n'), 'data.csv', 'application/vnd.ms-excel')).mimeType).toBe('text/csv');
    expect((await identify(Buffer.from('{"a":1}'), 'data.json', 'text/plain')).mimeType).toBe('application/json');
    expect((await identify(Buffer.from('# Title'), 'notes', 'text/markdown')).mimeType).toBe('text/markdown');
    expect((await identify(Buffer.from('hello'), 'notes')).mimeType).toBe('text/plain');
  });

  it('refuses a "PDF" whose content is something else, and says what it is', async () => {
    expect(await refusal(identify(Buffer.from('I am not a PDF'), 'report.pdf', 'application/pdf'))).toBe('report.pdf is named as a PDF, but its content is plain text');
    expect(await refusal(identify(tinyPng, 'scan.pdf'))).toBe('scan.pdf is named as a PDF, but its content is a PNG image');
    expect(await refusal(identify(await buildXlsx({ S: [[1]] }), 'letter.docx'))).toBe('letter.docx is named as a Word document, but its content is an Excel workbook');
  });

  it('refuses a declared type that contradicts the content', async () => {
    expect(await refusal(identify(tinyPng, 'pixel', 'application/pdf'))).toBe('pixel was sent as application/pdf, but its content is a PNG image');
  });

  it('refuses other archives, binary content and types that cannot be uploaded', async () => {
    expect(await refusal(identify(await buildPlainZip(), 'bundle.docx'))).toBe('bundle.docx is a ZIP archive, not a Word, PowerPoint or Excel file');
    expect(await refusal(identify(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'tool'))).toMatch(/^The content of tool is not a type that can be uploaded/);
    expect(await refusal(identify(Buffer.from('echo hi'), 'run.exe'))).toMatch(/^Files of type \.exe cannot be uploaded\. Allowed: png, jpg/);
  });
});

describe('maxBytesForHead and assertAllowedExtension', () => {
  it('chooses the cap from the content before the rest arrives', async () => {
    expect(maxBytesForHead(tinyPng, { filename: 'a.png' })).toBe(megabytes(20));
    expect(maxBytesForHead((await buildPdf(['x'])).subarray(0, 4096), { filename: 'a.pdf' })).toBe(megabytes(10));
    expect(maxBytesForHead(Buffer.from('ID3\x04'), { filename: 'a.mp3' })).toBe(megabytes(25));
    expect(maxBytesForHead(Buffer.from('a,b\n'), { filename: 'a.csv' })).toBe(megabytes(100));
    const zipHead = (await buildDocx(['x'])).subarray(0, 4096);
    expect(maxBytesForHead(zipHead, { filename: 'a.docx' })).toBe(megabytes(10));
    expect(maxBytesForHead(zipHead, { filename: 'a.xlsx' })).toBe(megabytes(100));
    expect(maxBytesForHead(Buffer.alloc(0), { filename: 'a.txt' })).toBe(0);
  });

  it('refuses binary and UTF-16 content from the head alone', () => {
    expect(() => maxBytesForHead(Buffer.from([0x00, 0x01, 0x02, 0xff]), { filename: 'x.bin' })).toThrow(/not a type that can be uploaded/);
    expect(() => maxBytesForHead(Buffer.from([0xff, 0xfe, 0x68, 0x00]), { filename: 'x.txt' })).toThrow('x.txt is UTF-16 text; save it as UTF-8 and upload it again');
  });

  it('accepts known extensions and names without one', () => {
    expect(() => assertAllowedExtension('photo.JPEG')).not.toThrow();
    expect(() => assertAllowedExtension('README')).not.toThrow();
    expect(() => assertAllowedExtension('virus.scr')).toThrow(AppError);
  });
});
