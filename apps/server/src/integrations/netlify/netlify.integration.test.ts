import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { netlifyIntegration } from './netlify.integration.js';
import { netlifyContext, netlifyToken, startNetlifyDouble } from './netlify.double.test-support.js';

let netlify: Awaited<ReturnType<typeof startNetlifyDouble>>;
beforeAll(async () => {
  netlify = await startNetlifyDouble();
});
afterAll(() => netlify.close());

describe('netlify credential test', () => {
  it('reads the token\'s user', async () => {
    const result = await netlifyIntegration.test!({ access_token: netlifyToken }, testContextOf(netlifyContext(netlify.origin)));
    expect(netlify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/user' });
    expect(result.message).toBe('Connected to Netlify as Ada Lovelace.');
  });

  it('fails with Netlify\'s reason for a wrong token', async () => {
    await expect(netlifyIntegration.test!({ access_token: 'bad' }, testContextOf(netlifyContext(netlify.origin)))).rejects.toThrow('Netlify refused the credential (401)');
  });

  it('asks for the token when it is empty, sending nothing', async () => {
    const before = netlify.requests.length;
    await expect(netlifyIntegration.test!({}, testContextOf(netlifyContext(netlify.origin)))).rejects.toThrow('access_token');
    expect(netlify.requests.length).toBe(before);
  });

  it('lists its three tools', () => {
    expect(netlifyIntegration.tools.map((tool) => tool.name)).toEqual(['netlify_sites', 'netlify_deploys', 'netlify_trigger_build']);
  });
});
