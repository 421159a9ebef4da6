import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from '../platform/database/tables.js';
import type { Logger } from '../platform/logging/logger.js';
import type { ToolFiles } from '../tools/tool-ports.js';
import { createExpirySweep } from './expiry-sweep.js';
import { createFileStore } from './file-store.js';
import { createFilesRepository } from './files.repository.js';
import { filesRoutes, multipartLimits } from './files.routes.js';
import { createSecureFilesService } from './secure-files.service.js';
import { createToolFiles } from './tool-files.js';
import { createUploadsService } from './uploads.service.js';

export { extractDocumentText, countWords, documentMimeTypes, type ExtractedDocument } from './extract-document-text.js';
export { guessDelimiter, readDelimitedRows, readWorkbookRows, type TableRows } from './read-tables.js';
export { extensionOf } from './file-types.js';

/** Milliseconds between expiry sweeps (the reference cleans files every 10 minutes). */
export const sweepIntervalMs = 10 * 60 * 1000;

/**
 * The files domain: uploads, generated "secure files", the `ToolFiles` port and the expiry sweep.
 * `init()` creates the folder; `startSweep()`/`stop()` run and end the timer.
 */
export function createFilesModule(deps: { db: Kysely<Database>; config: Config['files']; now: () => Date; logger: Logger }) {
  const repository = createFilesRepository(deps.db);
  const store = createFileStore(deps.config.dir);
  const uploads = createUploadsService({ repository, store, now: deps.now, ttlSeconds: deps.config.uploadTtlSeconds });
  const secureFiles = createSecureFilesService({ repository, store, now: deps.now });
  const sweep = createExpirySweep({ repository, store, now: deps.now, logger: deps.logger });
  const toolFiles: ToolFiles = createToolFiles({ uploads, secureFiles });
  return {
    uploads,
    secureFiles,
    toolFiles,
    routes: filesRoutes({ uploads, secureFiles }),
    sweepOnce: sweep.sweepOnce,
    init: () => store.init(),
    /** Adds multipart parsing to the server (streamed; nothing is buffered or written by the parser itself). */
    registerMultipart: async (http: FastifyInstance) => {
      await http.register(fastifyMultipart, { limits: multipartLimits });
    },
    startSweep: () => sweep.start(sweepIntervalMs),
    stop: () => sweep.stop(),
  };
}
export type FilesModule = ReturnType<typeof createFilesModule>;
