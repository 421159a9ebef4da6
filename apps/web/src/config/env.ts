import { z } from 'zod';

/**
 * The only reader of `import.meta.env`. Everything the browser build may be configured with is listed here,
 * parsed once at start-up, and passed around as a typed, frozen object.
 */
const environmentSchema = z.object({
  /** Origin of the API, without a trailing slash. Default: the origin that served the page. */
  VITE_API_BASE_URL: z
    .url({ message: 'VITE_API_BASE_URL must be an absolute URL such as https://clara.example.com' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  MODE: z.string(),
  DEV: z.boolean(),
});

const parsed = environmentSchema.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(
    `Invalid web build configuration:\n${parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
  );
}

export const env = Object.freeze({
  /** Prefix of every API request; empty string means same origin. */
  apiBaseUrl: parsed.data.VITE_API_BASE_URL ?? '',
  isDevelopment: parsed.data.DEV,
  isTest: parsed.data.MODE === 'test',
  /** Responses are always parsed; in dev and tests a mismatch with the shared contract is an error, not a warning. */
  isStrictResponseParsing: parsed.data.DEV || parsed.data.MODE === 'test',
});
