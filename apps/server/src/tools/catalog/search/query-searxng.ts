import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ToolContext } from '../../define-tool.js';

/** What the tools read from SearXNG's JSON answer; unknown fields are ignored, missing ones tolerated. */
const searxngAnswerSchema = z.object({
  results: z.array(
    z.looseObject({
      url: z.string(),
      title: z.string().default(''),
      content: z.string().nullish(),
      engine: z.string().nullish(),
      publishedDate: z.string().nullish(),
      img_src: z.string().nullish(),
      thumbnail_src: z.string().nullish(),
      resolution: z.string().nullish(),
      source: z.string().nullish(),
    }),
  ),
  answers: z.array(z.unknown()).default([]),
  suggestions: z.array(z.string()).default([]),
});
export type SearxngAnswer = z.infer<typeof searxngAnswerSchema>;

/** Milliseconds one instance may take before the next is tried. */
const perInstanceTimeoutMs = 10_000;
const maxAnswerBytes = 5 * 1024 * 1024;

/** Where the next search starts, per configured list, so load spreads over the instances. */
const nextStart = new Map<string, number>();

/** An instance answered, but not with 200. */
class InstanceStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

function describeFailure(baseUrl: string, error: unknown): string {
  const host = new URL(baseUrl).host;
  const status = error instanceof InstanceStatusError ? error.status : undefined;
  if (status === 403) return `${host} refused JSON output (enable "json" in search.formats of its settings.yml)`;
  if (status === 429) return `${host} is rate-limiting this server`;
  if (status !== undefined) return `${host} answered HTTP ${status}`;
  if (error instanceof AppError) return error.message.replace(/\.$/, '');
  return `${host} sent something that is not a SearXNG JSON answer`;
}

async function queryOne(baseUrl: string, params: URLSearchParams, context: ToolContext): Promise<SearxngAnswer> {
  const response = await context.http.request(`${baseUrl}/search?${params}`, {
    signal: context.signal,
    timeoutMs: perInstanceTimeoutMs,
    maxBytes: maxAnswerBytes,
    headers: { accept: 'application/json' },
  });
  if (response.status !== 200) throw new InstanceStatusError(response.status);
  return searxngAnswerSchema.parse(response.json());
}

/**
 * Asks the configured SearXNG instances (`context.searxngUrls`) in round-robin order, failing over to the
 * next when one is down, slow, refuses JSON or answers nonsense. Always `format=json&safesearch=1`.
 * @throws AppError `service_unavailable` when none is configured, `upstream_unavailable` naming each
 * instance's problem when all fail.
 */
export async function querySearxng(context: ToolContext, query: Record<string, string>): Promise<SearxngAnswer> {
  const urls = context.searxngUrls;
  if (urls.length === 0) {
    throw new AppError(
      'service_unavailable',
      'Web search is not set up on this server: an administrator needs to point SEARXNG_URLS at one or more SearXNG instances.',
    );
  }
  const key = urls.join(' ');
  const start = (nextStart.get(key) ?? 0) % urls.length;
  nextStart.set(key, start + 1);
  const params = new URLSearchParams({ ...query, format: 'json', safesearch: '1' });
  const problems: string[] = [];
  for (let offset = 0; offset < urls.length; offset += 1) {
    const baseUrl = urls[(start + offset) % urls.length]!;
    try {
      return await queryOne(baseUrl, params, context);
    } catch (error) {
      if (context.signal.aborted) throw error;
      problems.push(describeFailure(baseUrl, error));
      context.logger.warn({ instance: new URL(baseUrl).host, problem: problems.at(-1) }, 'SearXNG instance failed; trying the next');
    }
  }
  throw new AppError('upstream_unavailable', `Search is unavailable right now: ${problems.join('; ')}.`);
}
