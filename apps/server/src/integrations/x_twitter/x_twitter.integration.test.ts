import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { xTwitterIntegration } from './x_twitter.integration.js';
import { startXDouble, xContext, xKeys } from './x_twitter.double.test-support.js';

let x: Awaited<ReturnType<typeof startXDouble>>;
beforeAll(async () => {
  x = await startXDouble();
});
afterAll(() => x.close());

describe('x_twitter credential test', () => {
  it('reads a user with the Bearer token, then /users/me signed when the OAuth keys are there', async () => {
    const before = x.requests.length;
    const result = await xTwitterIntegration.test!(xKeys, testContextOf(xContext(x.origin)));
    const [read, me] = x.requests.slice(before);
    expect(read).toMatchObject({ method: 'GET', path: '/2/users/by/username/XDevelopers' });
    expect(me).toMatchObject({ method: 'GET', path: '/2/users/me' });
    expect(String(me!.headers.authorization)).toMatch(/^OAuth /);
    expect(result.message).toBe('Connected to X; posts go out as @clara_bot.');
  });

  it('with only the Bearer token says it can read only', async () => {
    const result = await xTwitterIntegration.test!({ bearer_token: xKeys.bearer_token }, testContextOf(xContext(x.origin)));
    expect(result.message).toContain('reading only');
  });

  it('fails for a wrong Bearer token or a wrong OAuth secret', async () => {
    await expect(xTwitterIntegration.test!({ bearer_token: 'bad' }, testContextOf(xContext(x.origin)))).rejects.toThrow('X refused the credential (401)');
    await expect(xTwitterIntegration.test!({ ...xKeys, api_secret: 'bad' }, testContextOf(xContext(x.origin)))).rejects.toThrow('X refused the credential (401)');
  });
});
