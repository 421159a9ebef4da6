import type { z } from 'zod';
import { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** First message per top-level field of a failed zod parse. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

/** Field errors of a `validation_failed` answer; empty for any other error. */
export function fieldErrorsFromApiError(error: unknown): FieldErrors {
  return error instanceof ApiError && error.code === 'validation_failed' ? error.fieldErrors : {};
}
