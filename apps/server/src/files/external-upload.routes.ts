import { uploadSchema, type Upload } from '@claraverse/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { presentedApiKey } from '../api-keys/api-key-authenticator.js';
import type { CounterStore } from '../platform/counters/counter-store.js';
import { RateLimitedError, UnauthenticatedError } from '../platform/errors/app-error.js';
import { receiveMultipart } from './files.routes.js';
import type { UploadsService } from './uploads.service.js';

/** The scope a personal API key needs to upload from outside. */
export const externalUploadScope = 'upload';
/** Uploads per key and minute (reference §1.2). */
export const externalUploadsPerMinute = 10;

export interface ExternalUploadDeps {
  uploads: UploadsService;
  /** The api-keys service's `authenticate`: the key's owner and id. @throws UnauthenticatedError, ForbiddenError */
  authenticateApiKey(presented: string, scope: string): Promise<{ userId: string; keyId: string }>;
  counters: CounterStore;
  /** false (RATE_LIMIT_ENABLED=false) turns the per-key limit off. */
  rateLimitEnabled: boolean;
}

/**
 * Who may upload: a personal API key with scope `upload` (`X-API-Key` or `Authorization: Bearer clv_…`), within
 * its 10 uploads a minute. Checked before a byte of the file is read.
 * @throws UnauthenticatedError, ForbiddenError, RateLimitedError
 */
export async function authorizeExternalUpload(request: FastifyRequest, deps: ExternalUploadDeps): Promise<string> {
  const presented = presentedApiKey(request);
  if (!presented) throw new UnauthenticatedError('Send a personal API key with the "upload" scope as "X-API-Key: clv_…" or "Authorization: Bearer clv_…"');
  const key = await deps.authenticateApiKey(presented, externalUploadScope);
  if (deps.rateLimitEnabled) {
    const window = await deps.counters.increment(`external-upload:${key.keyId}`, 60);
    if (window.count > externalUploadsPerMinute) throw new RateLimitedError(`An API key may upload ${externalUploadsPerMinute} files a minute`, window.resetInSeconds);
  }
  return key.userId;
}

/**
 * `POST /api/external/upload` (reference §1.2): the same upload as `/api/upload` (multipart field `file`; types
 * sniffed, per-type caps, previews) for callers outside the browser app, typically before `POST /api/trigger`:
 * the answer's `fileId` goes into the trigger input of an agent whose start block takes a file
 * (`{ "input": { "file_id": "<fileId>", "filename": …, "mime_type": … } }`). CORS allows any origin (no cookies:
 * the key is the credential); the preflight is answered by the CORS plugin from this route's config.
 */
export function registerExternalUploadRoute(app: FastifyInstance, deps: ExternalUploadDeps): void {
  const config = { cors: { origin: '*', credentials: false } };
  app.options('/api/external/upload', { config }, (_request, reply) => reply.status(204).send());
  app.post('/api/external/upload', { config }, async (request, reply): Promise<Upload> => {
    const userId = await authorizeExternalUpload(request, deps);
    const upload = await receiveMultipart(request, userId, deps.uploads);
    void reply.status(201);
    return uploadSchema.parse(upload);
  });
}
