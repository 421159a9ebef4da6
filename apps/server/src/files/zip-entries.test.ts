import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx } from './test-support.js';
import { listZipEntries, listZipEntriesOfBuffer } from './zip-entries.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listZipEntries', () => {
  it('lists names and inflated sizes from the central directory, on disk and in memory', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x'.repeat(5000));
    zip.file('folder/b.xml', '<b/>');
    zip.file('comment-after', 'z', { comment: 'entry comment' });
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment: 'archive comment' });
    const path = join(dir, 'test.zip');
    writeFileSync(path, data);
    const expected = [
      { name: 'a.txt', uncompressedSize: 5000 },
      { name: 'folder/', uncompressedSize: 0 },
      { name: 'folder/b.xml', uncompressedSize: 4 },
      { name: 'comment-after', uncompressedSize: 1 },
    ];
    expect(await listZipEntries(path)).toEqual(expected);
    expect(await listZipEntriesOfBuffer(data)).toEqual(expected);
  });

  it('reads a real workbook', async () => {
    const names = (await listZipEntriesOfBuffer(await buildXlsx({ Data: [[1, 2]] })))?.map((entry) => entry.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('[Content_Types].xml');
  });

  it('returns null for what is not a ZIP archive, or a truncated one', async () => {
    expect(await listZipEntriesOfBuffer(Buffer.from('PK\u0003\u0004 but nothing else'))).toBeNull();
    expect(await listZipEntriesOfBuffer(Buffer.alloc(0))).toBeNull();
    const whole = await buildXlsx({ Data: [[1]] });
    // The end record survives but points at a directory that is cut away.
    const cut = Buffer.concat([whole.subarray(0, 100), whole.subarray(whole.length - 22)]);
    expect(await listZipEntriesOfBuffer(cut)).toBeNull();
    const path = join(dir, 'not.zip');
    writeFileSync(path, 'plain text');
    expect(await listZipEntries(path)).toBeNull();
  });
});
