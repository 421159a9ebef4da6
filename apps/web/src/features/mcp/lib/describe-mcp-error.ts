import { fieldIssueSchema, type ErrorCode } from '@claraverse/shared';
import { z } from 'zod';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import type { FieldErrors } from '../../../lib/form-errors';

/**
 * Codes whose server message names the actual problem on this page ("An MCP server called "x" already exists",
 * "The MCP server URL points at a private … address", "The host … could not be resolved"), so it is shown as is.
 */
const codesWithSpecificMessage = new Set<ErrorCode>(['validation_failed', 'conflict', 'outbound_blocked', 'upstream_unavailable', 'not_found']);

/** The server's sentences carry no final full stop; the page's sentences do. */
function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A sentence for an error of the MCP pages: the server's own message where it is specific, the app's otherwise. */
export function describeMcpError(error: unknown): string {
  if (error instanceof ApiError && codesWithSpecificMessage.has(error.code) && error.message) return asSentence(error.message);
  return describeError(error);
}

/**
 * Field errors of a `validation_failed` answer keyed by the form field (the first path segment), so that
 * `env.API_TOKEN` lands under the environment rows with the variable's name in front.
 */
export function mcpFieldErrorsFromApiError(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const parsed = z.array(fieldIssueSchema).safeParse(error.details);
  return parsed.success ? mcpFieldErrorsFromIssues(parsed.data.map((issue) => ({ path: issue.path.split('.'), message: issue.message }))) : {};
}

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  /** zod's `invalid_key` issue of a record says only "Invalid key in record"; the reason is in here. */
  issues?: ReadonlyArray<{ message: string }>;
}

/** First message per form field; for a nested path the rest of it (a variable or header name) leads the message. */
export function mcpFieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const [field = 'form', ...rest] = issue.path.map(String);
    const message = issue.issues?.[0]?.message ?? issue.message;
    fieldErrors[field] ??= rest.length > 0 ? `${rest.join('.')}: ${message}` : message;
  }
  return fieldErrors;
}
