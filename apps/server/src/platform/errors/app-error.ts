import type { ErrorCode, FieldIssue } from '@claraverse/shared';

/**
 * The base of every error a service throws on purpose. Its `code` decides the HTTP status (see
 * `http-status.ts`) and its `message` is shown to the user, so it must be a sentence a person understands.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super('validation_failed', message, issues);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super('not_found', id ? `No ${what} with id ${id}` : `${what} not found`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue', code: 'unauthenticated' | 'token_expired' = 'unauthenticated') {
    super(code, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('rate_limited', message, { retryAfterSeconds }, { 'retry-after': String(Math.max(1, retryAfterSeconds)) });
  }
}
