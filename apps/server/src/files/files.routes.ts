import { Readable } from 'node:stream';
import {
  idParamsSchema, secureFileCodeQuerySchema, secureFileSchema, secureFilesResponseSchema, uploadFileTypes, uploadSchema, uploadStatusSchema,
} from '@claraverse/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors/app-error.js';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import { attachmentDisposition } from './safe-filename.js';
import type { SecureFilesService } from './secure-files.service.js';
import type { FileContent, UploadsService } from './uploads.service.js';
import { tooLarge } from './uploads.service.js';

/** The largest cap of any upload type, bytes. */
export const largestUploadBytes = Math.max(...uploadFileTypes.map((type) => type.maxBytes));
/** Room for the multipart framing and the small fields around the file, bytes. */
const multipartOverheadBytes = 64 * 1024;

/** Limits of the multipart parser: one file, a few small fields; the per-type cap is enforced while streaming. */
export const multipartLimits = { files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 50, fileSize: largestUploadBytes + 1 };

/** A file's bytes as a response body (not JSON: the contract is the headers). */
const fileBytesSchema = z.custom<Readable>((value) => value instanceof Readable, { message: 'a file stream' });

/** Sends stored bytes as a download that browsers neither render inline nor sniff. */
function sendContent(reply: FastifyReply, content: FileContent): Readable {
  const isText = content.mimeType.startsWith('text/') || content.mimeType === 'application/json';
  void reply.headers({
    'content-type': isText ? `${content.mimeType}; charset=utf-8` : content.mimeType,
    'content-length': String(content.size),
    'content-disposition': attachmentDisposition(content.filename),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  return content.stream;
}

function conversationIdOf(fields: Record<string, unknown>): string | null {
  const field = fields.conversationId as { type?: string; value?: unknown } | undefined;
  return field?.type === 'field' && typeof field.value === 'string' && field.value.trim() ? field.value.trim().slice(0, 100) : null;
}

/** Reads one multipart upload (field "file") for `userId` through the uploads service. @throws AppError */
export async function receiveMultipart(request: FastifyRequest, userId: string, uploads: UploadsService) {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"', undefined, { connection: 'close' });
  }
  // A declared length past every cap is refused before a byte of the body is read.
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  if (declaredLength > largestUploadBytes + multipartOverheadBytes) throw tooLarge('The file', largestUploadBytes);
  const part = await request.file({ limits: multipartLimits });
  if (!part) throw new AppError('validation_failed', 'No file was sent; put it in a multipart field named "file"');
  if (part.fieldname !== 'file') {
    throw new AppError('validation_failed', `The file must be in a field named "file", not "${part.fieldname}"`, undefined, { connection: 'close' });
  }
  return uploads.receive(userId, part.file, { filename: part.filename, mimeType: part.mimetype }, { conversationId: conversationIdOf(part.fields) });
}

/** `/api/upload` (a user's uploads) and `/api/files` (tool-generated files behind an access code). */
export function filesRoutes(deps: { uploads: UploadsService; secureFiles: SecureFilesService }): RouteSpec[] {
  const { uploads, secureFiles } = deps;
  return [
    defineRoute({
      method: 'POST', url: '/api/upload', summary: 'Upload a file (multipart field "file"; optional field "conversationId" before it)', tags: ['files'],
      auth: 'user', rateLimitPerMinute: 10, responses: { 201: uploadSchema },
      handler: ({ request, user }) => receiveMultipart(request, user.id, uploads),
    }),
    defineRoute({
      method: 'GET', url: '/api/upload/:id', summary: 'An upload’s metadata and previews', tags: ['files'], auth: 'user',
      params: idParamsSchema, responses: { 200: uploadSchema },
      handler: ({ user, params }) => uploads.get(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/upload/:id/status', summary: 'Whether an upload can still be used', tags: ['files'], auth: 'user',
      params: idParamsSchema, responses: { 200: uploadStatusSchema },
      handler: ({ user, params }) => uploads.status(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/upload/:id/content', summary: 'Download an upload', tags: ['files'], auth: 'user',
      params: idParamsSchema, responses: { 200: fileBytesSchema },
      handler: async ({ user, params, reply }) => sendContent(reply, await uploads.openContent(user.id, params.id)),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/upload/:id', summary: 'Delete an upload', tags: ['files'], auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => uploads.remove(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/files', summary: 'My generated files', tags: ['files'], auth: 'user',
      responses: { 200: secureFilesResponseSchema },
      handler: async ({ user }) => ({ files: await secureFiles.list(user.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/files/:id', summary: 'Download a generated file with its access code (no sign-in: the link is the key)', tags: ['files'],
      auth: 'public', rateLimitPerMinute: 30, params: idParamsSchema, query: secureFileCodeQuerySchema, responses: { 200: fileBytesSchema },
      handler: async ({ params, query, reply }) => sendContent(reply, await secureFiles.open(params.id, query.code)),
    }),
    defineRoute({
      method: 'GET', url: '/api/files/:id/info', summary: 'A generated file’s metadata, with its access code', tags: ['files'],
      auth: 'public', rateLimitPerMinute: 30, params: idParamsSchema, query: secureFileCodeQuerySchema, responses: { 200: secureFileSchema },
      handler: ({ params, query }) => secureFiles.info(params.id, query.code),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/files/:id', summary: 'Delete one of my generated files', tags: ['files'], auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => secureFiles.remove(user.id, params.id),
    }),
  ];
}
