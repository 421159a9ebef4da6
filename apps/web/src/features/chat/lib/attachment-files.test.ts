import { describe, expect, it } from 'vitest';
import { attachmentAccept, attachmentProblem, formatBytes, uploadTypeOf } from './attachment-files';

const megabyte = 1024 * 1024;

describe('attachment files', () => {
  it('knows a file’s type by its extension, then by the type the browser gives', () => {
    expect(uploadTypeOf({ name: 'Scan.PDF', type: '' })?.mimeType).toBe('application/pdf');
    expect(uploadTypeOf({ name: 'photo', type: 'image/jpeg' })?.mimeType).toBe('image/jpeg');
    expect(uploadTypeOf({ name: 'tool.exe', type: 'application/x-msdownload' })).toBeUndefined();
    expect(attachmentAccept).toContain('.docx');
    expect(attachmentAccept).toContain('image/png');
  });

  it('refuses, in a sentence, what the server would refuse', () => {
    expect(attachmentProblem({ name: 'setup.exe', type: '', size: 10 })).toBe(
      'setup.exe cannot be attached: ClaraVerse accepts images, PDFs, Word and PowerPoint files, spreadsheets, CSV, JSON, text and audio files.',
    );
    expect(attachmentProblem({ name: 'scan.pdf', type: 'application/pdf', size: 12 * megabyte })).toBe('scan.pdf is 12 MB; PDFs can be at most 10 MB.');
    expect(attachmentProblem({ name: 'song.mp3', type: 'audio/mpeg', size: 26 * megabyte })).toBe('song.mp3 is 26 MB; audio files can be at most 25 MB.');
    expect(attachmentProblem({ name: 'empty.txt', type: 'text/plain', size: 0 })).toBe('empty.txt is empty.');
    expect(attachmentProblem({ name: 'photo.png', type: 'image/png', size: 3 * megabyte })).toBeNull();
  });

  it('writes sizes for people', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(820 * 1024)).toBe('820 KB');
    expect(formatBytes(1.42 * megabyte)).toBe('1.4 MB');
    expect(formatBytes(25 * megabyte)).toBe('25 MB');
  });
});
