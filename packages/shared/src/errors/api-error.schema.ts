import { z } from 'zod';
import { errorCodes } from './error-codes.js';

/** One field-level problem inside a `validation_failed` error. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The single JSON shape of every error response: `{ error: { code, message, requestId, details? } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
