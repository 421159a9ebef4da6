import type { UpdateProviderBody } from '@claraverse/shared';

/**
 * `updateProviderBodySchema` parses `flags` with `.partial()` over fields that have defaults, so a PATCH of
 * `{ flags: { secure: true } }` comes out with every other flag `false`. Keep only the flags the client sent,
 * so a PATCH changes what it names and nothing else.
 */
export function keepSentFlags(body: UpdateProviderBody, rawBody: unknown): UpdateProviderBody {
  if (!body.flags) return body;
  const rawFlags = (rawBody as { flags?: unknown } | null)?.flags;
  const sent = rawFlags && typeof rawFlags === 'object' ? new Set(Object.keys(rawFlags)) : new Set<string>();
  const flags = Object.fromEntries(Object.entries(body.flags).filter(([key]) => sent.has(key)));
  return { ...body, flags };
}
