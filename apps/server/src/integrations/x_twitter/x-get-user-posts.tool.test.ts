import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { xGetUserPostsTool } from './x-get-user-posts.tool.js';
import { startXDouble, xContext } from './x_twitter.double.test-support.js';

let x: Awaited<ReturnType<typeof startXDouble>>;
beforeAll(async () => {
  x = await startXDouble();
});
afterAll(() => x.close());

describe('x_get_user_posts', () => {
  it('resolves the username, then reads the timeline without replies and reposts', async () => {
    const before = x.requests.length;
    const { result } = await runTool(xGetUserPostsTool, { username: 'XDevelopers', max_results: 5, exclude_replies: true, exclude_reposts: true }, xContext(x.origin));
    const [lookup, timeline] = x.requests.slice(before);
    expect(lookup).toMatchObject({ method: 'GET', path: '/2/users/by/username/XDevelopers' });
    expect(timeline).toMatchObject({ method: 'GET', path: '/2/users/2244994945/tweets', query: { max_results: '5', exclude: 'replies,retweets', 'tweet.fields': 'created_at,author_id,public_metrics,lang,conversation_id' } });
    expect(result).toMatchObject({
      userId: '2244994945', username: 'XDevelopers', count: 2, nextToken: 'page-2',
      posts: [{ id: '1800000000000000001', author: '@XDevelopers', url: 'https://x.com/XDevelopers/status/1800000000000000001' }, { id: '1800000000000000002' }],
    });
  });

  it('reads by user id directly with the page token', async () => {
    const before = x.requests.length;
    await runTool(xGetUserPostsTool, { user_id: '2244994945', pagination_token: 'page-2' }, xContext(x.origin));
    expect(x.requests.length - before).toBe(1);
    expect(x.requests.at(-1)!.query).toMatchObject({ pagination_token: 'page-2', max_results: '10' });
    expect(x.requests.at(-1)!.query).not.toHaveProperty('exclude');
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(xGetUserPostsTool, { user_id: '1' }, xContext(x.origin, { bearer_token: 'no' }))).rejects.toThrow('X refused the credential (401)');
  });
});
