import { z } from 'zod';

/** Trimmed, non-empty text with an upper bound; used for names and titles. */
export const shortTextSchema = (max: number) => z.string().trim().min(1).max(max);

/** An email address, normalised to lower case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((value) => value.toLowerCase());

/** ISO-8601 timestamp string as returned by the API. */
export const isoDateSchema = z.string();

/** `?page=&pageSize=` query used by list endpoints (1-based pages). */
export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Route parameter `:id`. */
export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
