import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const storageNamePattern = /^[0-9a-f]{32}$/;
const partialSuffix = '.part';

/** A file in the store's folder, as the expiry sweep sees it. */
export interface StoredBlob {
  storageName: string;
  /** Still being written (or left behind by a crash while it was). */
  isPartial: boolean;
  modifiedAt: Date;
}

/**
 * The bytes of uploads and generated files, on local disk under `<files dir>/blobs/` with random names (the
 * user's file name never reaches the file system). A file is written as `<name>.part` and renamed when whole,
 * so a reader never sees half a file.
 */
export function createFileStore(rootDir: string) {
  const blobsDir = join(rootDir, 'blobs');
  const pathOf = (storageName: string) => {
    // Names come from our own rows; the check makes a path outside the folder impossible all the same.
    if (!storageNamePattern.test(storageName)) throw new Error(`Invalid storage name ${storageName}`);
    return join(blobsDir, storageName);
  };
  const removeQuietly = (path: string) => unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });

  return {
    init: () => mkdir(blobsDir, { recursive: true, mode: 0o700 }),
    newStorageName: () => randomBytes(16).toString('hex'),
    partialPathOf: (storageName: string) => `${pathOf(storageName)}${partialSuffix}`,
    pathOf,
    /** Makes a fully written `.part` file visible under its name. */
    commit: (storageName: string) => rename(`${pathOf(storageName)}${partialSuffix}`, pathOf(storageName)),
    async write(storageName: string, data: Buffer): Promise<void> {
      await writeFile(`${pathOf(storageName)}${partialSuffix}`, data, { flag: 'wx', mode: 0o600 });
      await rename(`${pathOf(storageName)}${partialSuffix}`, pathOf(storageName));
    },
    openRead: (storageName: string): ReadStream => createReadStream(pathOf(storageName)),
    read: (storageName: string): Promise<Buffer> => readFile(pathOf(storageName)),
    /** Removes the file and any partial one; absent files are fine. */
    async remove(storageName: string): Promise<void> {
      await removeQuietly(pathOf(storageName));
      await removeQuietly(`${pathOf(storageName)}${partialSuffix}`);
    },
    async list(): Promise<StoredBlob[]> {
      const names = await readdir(blobsDir);
      const blobs: StoredBlob[] = [];
      for (const name of names) {
        const storageName = name.endsWith(partialSuffix) ? name.slice(0, -partialSuffix.length) : name;
        if (!storageNamePattern.test(storageName)) continue;
        const info = await stat(join(blobsDir, name)).catch(() => null);
        if (info) blobs.push({ storageName, isPartial: name !== storageName, modifiedAt: info.mtime });
      }
      return blobs;
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
