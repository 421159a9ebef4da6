import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { xGetUserTool } from './x-get-user.tool.js';
import { startXDouble, xContext } from './x_twitter.double.test-support.js';

let x: Awaited<ReturnType<typeof startXDouble>>;
beforeAll(async () => {
  x = await startXDouble();
});
afterAll(() => x.close());

describe('x_get_user', () => {
  it('looks a user up by @handle with the profile fields', async () => {
    const { result } = await runTool(xGetUserTool, { username: '@XDevelopers' }, xContext(x.origin));
    expect(x.requests.at(-1)).toMatchObject({ method: 'GET', path: '/2/users/by/username/XDevelopers', query: { 'user.fields': 'created_at,description,location,public_metrics,verified,profile_image_url,url' } });
    expect(result).toEqual({
      id: '2244994945', username: 'XDevelopers', name: 'Developers', description: 'The voice of the X Dev team', verified: true, createdAt: '2013-12-14T04:35:55.000Z',
      followers: 580000, following: 2000, posts: 4000, url: 'https://x.com/XDevelopers',
    });
  });

  it('looks a user up by id, and reports X\'s not-found answer', async () => {
    await runTool(xGetUserTool, { user_id: '12345' }, xContext(x.origin));
    expect(x.requests.at(-1)!.path).toBe('/2/users/12345');
    await expect(runTool(xGetUserTool, { username: 'nobody_here' }, xContext(x.origin))).rejects.toThrow('Could not find user with username: [nobody_here].');
  });

  it('refuses an invalid handle and no handle at all, sending nothing', async () => {
    const before = x.requests.length;
    await expect(runTool(xGetUserTool, { username: 'not a handle!' }, xContext(x.origin))).rejects.toThrow('An X username is 1 to 15');
    await expect(runTool(xGetUserTool, {}, xContext(x.origin))).rejects.toThrow('Give a username or a user_id.');
    expect(x.requests.length).toBe(before);
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(xGetUserTool, { username: 'XDevelopers' }, xContext(x.origin, { bearer_token: 'no' }))).rejects.toThrow('X refused the credential (401)');
  });
});
