import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFilename } from './safe-filename.js';

describe('cleanFilename', () => {
  it('keeps the last path segment without control or direction-override characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\ada\\report.pdf')).toBe('report.pdf');
    expect(cleanFilename('in\u0000voice\r\n.pdf')).toBe('invoice.pdf');
    expect(cleanFilename('photo\u202egnp.exe')).toBe('photognp.exe');
    expect(cleanFilename('  spaced   name .txt ')).toBe('spaced name .txt');
  });

  it('falls back for empty names and keeps the extension when it shortens a long one', () => {
    expect(cleanFilename('')).toBe('file');
    expect(cleanFilename('..')).toBe('file');
    expect(cleanFilename('folder/', 'upload')).toBe('upload');
    const long = cleanFilename(`${'a'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Résumé "final".pdf')).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
    expect(attachmentDisposition("it's (1).txt")).toBe(`attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`);
  });
});
