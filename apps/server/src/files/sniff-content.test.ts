import { describe, expect, it } from 'vitest';
import { createTextCheck, officeTypeOfZip, sniffSignature } from './sniff-content.js';
import { buildDocx, buildPdf, buildPlainZip, buildPptx, buildXlsx, tinyPng } from './test-support.js';

const hex = (text: string) => Buffer.from(text.replaceAll(' ', ''), 'hex');

describe('sniffSignature', () => {
  it('recognises each accepted binary format by its first bytes', async () => {
    expect(sniffSignature(tinyPng)).toBe('png');
    expect(sniffSignature(await buildPdf(['hello']))).toBe('pdf');
    expect(sniffSignature(await buildDocx(['hello']))).toBe('zip');
    expect(sniffSignature(hex('ff d8 ff e0 00 10 4a 46 49 46'))).toBe('jpeg');
    expect(sniffSignature(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('gif');
    expect(sniffSignature(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffSignature(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBe('wav');
    expect(sniffSignature(Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'))).toBe('mp3');
    expect(sniffSignature(hex('ff fb 90 64 00 00 00 00'))).toBe('mp3');
    expect(sniffSignature(Buffer.from('OggS\x00\x02\x00\x00', 'latin1'))).toBe('ogg');
    expect(sniffSignature(Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00\x02\x00', 'latin1'))).toBe('mp4');
    expect(sniffSignature(hex('1a 45 df a3 9f 42 86 81'))).toBe('webm');
    expect(sniffSignature(Buffer.from('fLaC\x00\x00\x00\x22', 'latin1'))).toBe('flac');
  });

  it('finds no signature in text, AAC frames, UTF-16 text or an empty file', () => {
    expect(sniffSignature(Buffer.from('name,amount\nada,3\n'))).toBeNull();
    expect(sniffSignature(hex('ff f1 50 80 00 1f fc'))).toBeNull();
    expect(sniffSignature(hex('ff fe 68 00 69 00'))).toBeNull();
    expect(sniffSignature(Buffer.alloc(0))).toBeNull();
    expect(sniffSignature(Buffer.from('%PD'))).toBeNull();
  });
});

describe('officeTypeOfZip', () => {
  it('tells Word, PowerPoint and Excel files apart by their main part, and refuses other archives', async () => {
    const { listZipEntriesOfBuffer } = await import('./zip-entries.js');
    const names = async (data: Buffer) => (await listZipEntriesOfBuffer(data))?.map((entry) => entry.name) ?? [];
    expect(officeTypeOfZip(await names(await buildDocx(['a'])))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(officeTypeOfZip(await names(await buildPptx([['a']])))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(officeTypeOfZip(await names(await buildXlsx({ Sheet: [['a']] })))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(officeTypeOfZip(await names(await buildPlainZip()))).toBeNull();
    expect(officeTypeOfZip(['word/document.xml'])).toBeNull();
  });
});

describe('createTextCheck', () => {
  it('accepts UTF-8 whose characters are split across chunks', () => {
    const bytes = Buffer.from('naïve café ☕ 日本');
    const check = createTextCheck();
    for (let index = 0; index < bytes.length; index += 1) check.push(bytes.subarray(index, index + 1));
    expect(check.finish()).toBe(true);
  });

  it('refuses invalid UTF-8, NUL bytes and a character cut at the very end', () => {
    const invalid = createTextCheck();
    invalid.push(Buffer.from([0x61, 0xc3, 0x28]));
    expect(invalid.finish()).toBe(false);
    const withNul = createTextCheck();
    withNul.push(Buffer.from('a\u0000b'));
    expect(withNul.finish()).toBe(false);
    const cut = createTextCheck();
    cut.push(Buffer.from('☕').subarray(0, 2));
    expect(cut.isTextSoFar()).toBe(true);
    expect(cut.finish()).toBe(false);
  });
});
