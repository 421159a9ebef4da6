import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { xSearchPostsTool } from './x-search-posts.tool.js';
import { startXDouble, xContext, xKeys } from './x_twitter.double.test-support.js';

let x: Awaited<ReturnType<typeof startXDouble>>;
beforeAll(async () => {
  x = await startXDouble();
});
afterAll(() => x.close());

describe('x_search_posts', () => {
  it('searches recent posts with the Bearer token, expanding authors', async () => {
    const { result } = await runTool(xSearchPostsTool, { query: 'from:XDevelopers -is:retweet', max_results: 10 }, xContext(x.origin));
    const request = x.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/2/tweets/search/recent' });
    expect(request.query).toEqual({
      query: 'from:XDevelopers -is:retweet', max_results: '10', sort_order: 'recency',
      'tweet.fields': 'created_at,author_id,public_metrics,lang,conversation_id', expansions: 'author_id', 'user.fields': 'username,name,verified',
    });
    expect(request.headers.authorization).toBe(`Bearer ${xKeys.bearer_token}`);
    expect(result).toMatchObject({
      count: 2,
      nextToken: 'b26v89c19zqg8o3fo7',
      posts: [
        { id: '1800000000000000001', text: 'Hello from the X API v2', author: '@XDevelopers', authorName: 'Developers', createdAt: '2025-03-01T10:00:00.000Z', metrics: { like_count: 12 }, url: 'https://x.com/XDevelopers/status/1800000000000000001' },
        { id: '1800000000000000002' },
      ],
    });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(xSearchPostsTool, { query: 'a' }, xContext(x.origin, { bearer_token: 'wrong' }))).rejects.toThrow('X refused the credential (401): Unauthorized');
  });

  it('waits until x-rate-limit-reset after a 429 and retries once', async () => {
    x.rateLimitNextWithReset();
    const before = x.requests.length;
    const { result } = await runTool(xSearchPostsTool, { query: 'a' }, xContext(x.origin));
    expect(x.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 2 });
  });

  it('honours Retry-After too, and refuses an HTML page', async () => {
    x.failNext('rate-limit');
    const before = x.requests.length;
    await runTool(xSearchPostsTool, { query: 'a' }, xContext(x.origin));
    expect(x.requests.length - before).toBe(2);
    x.failNext('html');
    await expect(runTool(xSearchPostsTool, { query: 'a' }, xContext(x.origin))).rejects.toThrow('X answered with an HTML page instead of JSON');
  });

  it('asks for the Bearer token when the credential lacks it, sending nothing', async () => {
    const before = x.requests.length;
    await expect(runTool(xSearchPostsTool, { query: 'a' }, xContext(x.origin, { api_key: 'k' }))).rejects.toThrow('"bearer_token"');
    expect(x.requests.length).toBe(before);
  });
});
