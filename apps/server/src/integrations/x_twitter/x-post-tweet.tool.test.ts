import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { xPostTweetTool } from './x-post-tweet.tool.js';
import { startXDouble, xContext, xKeys } from './x_twitter.double.test-support.js';

let x: Awaited<ReturnType<typeof startXDouble>>;
beforeAll(async () => {
  x = await startXDouble();
});
afterAll(() => x.close());

describe('x_post_tweet', () => {
  it('posts JSON to /2/tweets signed with OAuth 1.0a in the user\'s context', async () => {
    const { result } = await runTool(xPostTweetTool, { text: 'Hello, world! (+ symbols & more)', reply_to_id: '1800000000000000001' }, xContext(x.origin));
    const request = x.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/2/tweets', body: { text: 'Hello, world! (+ symbols & more)', reply: { in_reply_to_tweet_id: '1800000000000000001' } } });
    expect(request.headers['content-type']).toBe('application/json');
    expect(String(request.headers.authorization)).toMatch(/^OAuth oauth_consumer_key="consumer-key", oauth_nonce="[0-9a-f]{32}", oauth_signature="[^"]+", oauth_signature_method="HMAC-SHA1", oauth_timestamp="\d+", oauth_token="12345-access-token", oauth_version="1.0"$/);
    expect(result).toEqual({ posted: true, id: '1800000000000000099', text: 'Hello, world! (+ symbols & more)', url: 'https://x.com/i/web/status/1800000000000000099' });
  });

  it('is refused (401) when a secret is wrong, since the signature no longer matches', async () => {
    await expect(runTool(xPostTweetTool, { text: 'x' }, xContext(x.origin, { ...xKeys, access_token_secret: 'not-it' }))).rejects.toThrow('X refused the credential (401)');
  });

  it('names the OAuth keys it lacks, sending nothing', async () => {
    const before = x.requests.length;
    await expect(runTool(xPostTweetTool, { text: 'x' }, xContext(x.origin, { bearer_token: xKeys.bearer_token, api_key: 'k' }))).rejects.toThrow(
      'the credential has no api_secret, access_token, access_token_secret',
    );
    expect(x.requests.length).toBe(before);
  });
});
