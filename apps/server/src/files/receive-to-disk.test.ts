import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { receiveHeadBytes, receiveToDisk } from './receive-to-disk.js';

const dir = mkdtempSync(join(tmpdir(), 'receive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let sequence = 0;
const nextPath = () => join(dir, `file-${(sequence += 1)}`);
const tooLarge = (maxBytes: number) => new Error(`over ${maxBytes}`);

describe('receiveToDisk', () => {
  it('writes the bytes, hashes them and keeps the head', async () => {
    const data = Buffer.from('x'.repeat(10_000));
    const path = nextPath();
    const received = await receiveToDisk(Readable.from([data.subarray(0, 3000), data.subarray(3000)]), path, { maxBytesFor: () => 20_000, tooLarge });
    expect(received).toEqual({ size: 10_000, sha256: createHash('sha256').update(data).digest('hex'), head: data.subarray(0, receiveHeadBytes), isText: true });
    expect(readFileSync(path)).toEqual(data);
  });

  it('stops reading once the cap is passed and removes the partial file', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    const path = nextPath();
    await expect(receiveToDisk(endless, path, { maxBytesFor: () => 1024 * 1024, tooLarge })).rejects.toThrow('over 1048576');
    expect(existsSync(path)).toBe(false);
    // Only what the stream's small buffers held beyond the cap was ever produced.
    expect(produced).toBeLessThan(2 * 1024 * 1024);
    expect(endless.destroyed).toBe(true);
  });

  it('refuses with the error of maxBytesFor, for small files too', async () => {
    const refuse = () => {
      throw new Error('not accepted');
    };
    const big = nextPath();
    await expect(receiveToDisk(Readable.from([Buffer.alloc(receiveHeadBytes + 10, 1)]), big, { maxBytesFor: refuse, tooLarge })).rejects.toThrow('not accepted');
    expect(existsSync(big)).toBe(false);
    const small = nextPath();
    await expect(receiveToDisk(Readable.from([Buffer.from('tiny')]), small, { maxBytesFor: refuse, tooLarge })).rejects.toThrow('not accepted');
    expect(existsSync(small)).toBe(false);
  });

  it('notices binary content and removes the file when the source fails', async () => {
    const binary = await receiveToDisk(Readable.from([Buffer.from([0x61, 0x00, 0x62])]), nextPath(), { maxBytesFor: () => 100, tooLarge });
    expect(binary.isText).toBe(false);
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    const path = nextPath();
    await expect(receiveToDisk(failing, path, { maxBytesFor: () => 100, tooLarge })).rejects.toThrow('client went away');
    expect(existsSync(path)).toBe(false);
  });
});
