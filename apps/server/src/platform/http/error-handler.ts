import type { ApiErrorBody, ErrorCode } from '@claraverse/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { httpStatusByErrorCode } from '../errors/http-status.js';

/** Fastify's own errors that are the client's fault, mapped to our codes and plain messages. */
const frameworkErrors: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation_failed', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation_failed', message: 'The request body is empty; send a JSON object' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation_failed', message: 'The Content-Length header is wrong' },
  FST_ERR_BAD_URL: { code: 'validation_failed', message: 'The URL is malformed' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'validation_failed', message: 'The request is malformed' },
};

/** Builds the error envelope. */
export function errorBody(code: ErrorCode, message: string, requestId: string, details?: unknown): ApiErrorBody {
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

/**
 * The one error handler: AppError → its code; Fastify client errors → their code; anything else →
 * `internal`, logged with its cause, message never shown.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.headers) void reply.headers(error.headers);
    return reply.status(httpStatusByErrorCode[error.code]).send(errorBody(error.code, error.message, request.id, error.details));
  }
  const frameworkCode = (error as FastifyError).code;
  const known = frameworkCode ? frameworkErrors[frameworkCode] : undefined;
  if (known) {
    return reply.status(httpStatusByErrorCode[known.code]).send(errorBody(known.code, known.message, request.id));
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode === 429) {
    return reply.status(429).send(errorBody('rate_limited', 'Too many requests; wait a moment and try again', request.id));
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    request.log.info({ code: frameworkCode }, 'client error');
    return reply.status(400).send(errorBody('validation_failed', 'The request is malformed', request.id));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'Something went wrong on our side; try again', request.id));
}
