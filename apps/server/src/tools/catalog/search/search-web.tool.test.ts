import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import type { DoubleServer } from '../../../test/llm-doubles/double-server.js';
import { startSearxngDouble } from '../../../test/searxng-double.js';
import { createTestToolContext } from '../../test-support.js';
import { searchWebTool } from './search-web.tool.js';

// A real guarded client that may reach only loopback, where the SearXNG doubles listen.
const http = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024 });

let first: DoubleServer;
let second: DoubleServer;
let down: DoubleServer;
let jsonDisabled: DoubleServer;
let garbage: DoubleServer;

beforeAll(async () => {
  [first, second, down, jsonDisabled, garbage] = await Promise.all([
    startSearxngDouble(),
    startSearxngDouble(),
    startSearxngDouble({ failure: 'down' }),
    startSearxngDouble({ failure: 'json-disabled' }),
    startSearxngDouble({ failure: 'garbage' }),
  ]);
});

afterAll(async () => {
  await Promise.all([first, second, down, jsonDisabled, garbage].map((server) => server.close()));
});

async function search(searxngUrls: string[], query = 'rust async', extra: Partial<Parameters<typeof createTestToolContext>[0]> = {}) {
  const context = createTestToolContext({ http, searxngUrls, ...extra });
  return (await searchWebTool.execute(searchWebTool.inputSchema.parse({ query }), context)).result as Record<string, unknown>;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('search_web', () => {
  it('asks SearXNG for JSON with safe search on and returns the top 10 results', async () => {
    const result = await search([first.origin], '  rust async  ');
    expect(first.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/search',
      query: { q: 'rust async', format: 'json', safesearch: '1', categories: 'general', pageno: '1' },
    });
    expect(first.requests.at(-1)!.headers.accept).toBe('application/json');
    const results = result.results as Array<Record<string, unknown>>;
    expect(results).toHaveLength(10);
    expect(results[0]).toEqual({
      title: 'rust async, result 0',
      url: 'https://site0.example/rust%20async',
      snippet: 'About rust async (0).',
      published: '2026-01-02T03:04:05',
      source: 'duckduckgo',
    });
    expect(results[1]).not.toHaveProperty('published');
    expect(result.answers).toEqual(['An instant answer about rust async']);
    expect(result.suggestions).toEqual(['rust async tutorial']);
  });

  it('spreads searches over the instances in turn', async () => {
    const before = [first.requests.length, second.requests.length];
    for (let index = 0; index < 4; index += 1) await search([first.origin, second.origin]);
    expect([first.requests.length - before[0]!, second.requests.length - before[1]!]).toEqual([2, 2]);
  });

  it('fails over to the next instance when one is down', async () => {
    const before = second.requests.length;
    const result = await search([down.origin, second.origin]);
    expect((result.results as unknown[]).length).toBe(10);
    expect(down.requests.length).toBeGreaterThan(0);
    expect(second.requests.length).toBe(before + 1);
  });

  it('says what is wrong with each instance when all fail', async () => {
    const error = await failure(search([down.origin, jsonDisabled.origin, garbage.origin]));
    expect(error.code).toBe('upstream_unavailable');
    const host = (server: DoubleServer) => new URL(server.origin).host;
    expect(error.message).toContain(`${host(down)} answered HTTP 502`);
    expect(error.message).toContain(`${host(jsonDisabled)} refused JSON output (enable "json" in search.formats of its settings.yml)`);
    expect(error.message).toContain(`${host(garbage)} sent something that is not a SearXNG JSON answer`);
  });

  it('goes through the SSRF guard: an instance the allow-list does not cover is skipped with the reason', async () => {
    const guarded = createOutboundHttp({ allowlist: [], timeoutMs: 5_000, maxBytes: 1024 * 1024 });
    const before = first.requests.length;
    const error = await failure(search([first.origin], 'x', { http: guarded }));
    expect(error.message).toMatch(/^Search is unavailable right now: 127\.0\.0\.1 is a loopback address/);
    expect(first.requests.length).toBe(before);
  });

  it('explains that search is not set up when no SearXNG is configured', async () => {
    const error = await failure(search([]));
    expect(error.code).toBe('service_unavailable');
    expect(error.message).toBe('Web search is not set up on this server: an administrator needs to point SEARXNG_URLS at one or more SearXNG instances.');
  });

  it('stops at once when the call is cancelled instead of trying the next instance', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = second.requests.length;
    await expect(search([first.origin, second.origin], 'x', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(second.requests.length).toBe(before);
  });

  it('refuses an empty query through its schema', () => {
    expect(searchWebTool.inputSchema.safeParse({ query: '   ' }).success).toBe(false);
  });
});
