import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { posthogIntegration } from './posthog.integration.js';
import { posthogContext, posthogPersonalKey, posthogProjectKey, startPosthogDouble } from './posthog.double.test-support.js';

let posthog: Awaited<ReturnType<typeof startPosthogDouble>>;
beforeAll(async () => {
  posthog = await startPosthogDouble();
});
afterAll(() => posthog.close());

describe('posthog credential test', () => {
  it('checks the project key with /flags, then the personal key with the current project', async () => {
    const before = posthog.requests.length;
    const result = await posthogIntegration.test!({ api_key: posthogProjectKey, personal_api_key: posthogPersonalKey }, testContextOf(posthogContext(posthog.origin)));
    const [flags, project] = posthog.requests.slice(before);
    expect(flags).toMatchObject({ method: 'POST', path: '/flags/', query: { v: '2' }, body: { api_key: posthogProjectKey, distinct_id: 'claraverse-credential-test' } });
    expect(project).toMatchObject({ method: 'GET', path: '/api/projects/@current/' });
    expect(result.message).toBe('Connected to PostHog project "Acme Web"; the personal API key can query it.');
  });

  it('with only the project key, checks that key', async () => {
    const result = await posthogIntegration.test!({ api_key: posthogProjectKey }, testContextOf(posthogContext(posthog.origin)));
    expect(result.message).toBe('Connected to PostHog at https://us.i.posthog.com with the project API key.');
  });

  it('fails with PostHog\'s reason for a wrong project key', async () => {
    await expect(posthogIntegration.test!({ api_key: 'phc_nope' }, testContextOf(posthogContext(posthog.origin)))).rejects.toThrow('PostHog refused the credential (401): Project API key invalid.');
  });

  it('validates the host field', () => {
    const host = posthogIntegration.fields.find((field) => field.key === 'host')!;
    expect(host.validate!('https://eu.i.posthog.com')).toBeNull();
    expect(host.validate!('https://posthog.internal.example')).toBeNull();
    expect(host.validate!('ftp://posthog.example')).toMatch(/PostHog address/);
    expect(host.validate!('https://user:pw@posthog.example')).toMatch(/PostHog address/);
    expect(host.validate!('https://posthog.example/capture')).toMatch(/PostHog address/);
  });
});
