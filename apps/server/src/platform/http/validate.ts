import type { FieldIssue } from '@claraverse/shared';
import type { z } from 'zod';
import { ValidationError } from '../errors/app-error.js';

/** Turns zod issues into the API's `[{ path, message }]` details. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/**
 * Parses untrusted input with a shared schema.
 * @param where what is being parsed, for the message ("body", "query", "params").
 * @throws ValidationError listing every problem.
 */
export function parseInput<TSchema extends z.ZodType>(schema: TSchema, input: unknown, where: string): z.output<TSchema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    const first = issues[0];
    const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
    throw new ValidationError(`The request ${where} is invalid (${summary})`, issues);
  }
  return result.data;
}
