import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../test/capture-logger.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { registerAdmin } from '../test/factories.js';
import { createFilesModule } from './index.js';

let app: TestApp;
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);
beforeEach(async () => {
  clockOffsetMs = 0;
  app = await createTestApp({ overrides: { now } });
});
afterEach(() => app.close());

const blobsDir = () => join(app.config.files.dir, 'blobs');

describe('the file expiry sweep', () => {
  it('removes expired generated files and bytes no row points at, and keeps the rest', async () => {
    const admin = await registerAdmin(app);
    const files = createFilesModule({ db: app.database.db, config: app.config.files, now, logger: createCapturingLogger().logger });
    const kept = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'kept.txt', mimeType: 'text/plain', data: Buffer.from('kept') });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const orphan = join(blobsDir(), 'a'.repeat(32));
    const staleUpload = join(blobsDir(), `${'b'.repeat(32)}.part`);
    const freshUpload = join(blobsDir(), `${'c'.repeat(32)}.part`);
    const notOurs = join(blobsDir(), 'README');
    for (const path of [orphan, staleUpload, freshUpload, notOurs]) writeFileSync(path, 'x');
    utimesSync(orphan, twoHoursAgo, twoHoursAgo);
    utimesSync(staleUpload, twoHoursAgo, twoHoursAgo);
    utimesSync(notOurs, twoHoursAgo, twoHoursAgo);

    expect(await files.sweepOnce()).toEqual({ expiredFiles: 0, orphanBlobs: 2 });
    const [keptRow] = await app.database.db.selectFrom('files').select('storage_name').execute();
    expect(readdirSync(blobsDir()).sort()).toEqual([keptRow?.storage_name, `${'c'.repeat(32)}.part`, 'README'].sort());

    clockOffsetMs = 31 * 86_400_000;
    expect(await files.sweepOnce()).toEqual({ expiredFiles: 1, orphanBlobs: 1 });
    expect(readdirSync(blobsDir())).toEqual(['README']);
    expect((await app.http.inject({ url: kept.url })).statusCode).toBe(404);
  });

  it('runs on a timer that stops with the app', async () => {
    const files = createFilesModule({ db: app.database.db, config: app.config.files, now, logger: createCapturingLogger().logger });
    const orphan = join(blobsDir(), 'd'.repeat(32));
    writeFileSync(orphan, 'x');
    utimesSync(orphan, new Date(0), new Date(0));
    files.startSweep();
    // The first sweep starts at once; stop() waits for it.
    await files.stop();
    expect(readdirSync(blobsDir())).toEqual([]);
  });
});
