import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { posthogIdentifyTool } from './posthog-identify.tool.js';
import { posthogContext, posthogProjectKey, startPosthogDouble } from './posthog.double.test-support.js';

let posthog: Awaited<ReturnType<typeof startPosthogDouble>>;
beforeAll(async () => {
  posthog = await startPosthogDouble();
});
afterAll(() => posthog.close());

describe('posthog_identify', () => {
  it('sends an $identify event with $set, $set_once and the anonymous id to merge', async () => {
    const { result } = await runTool(
      posthogIdentifyTool,
      { distinct_id: 'user-7', properties: { email: 'ada@example.com' }, set_once: { first_seen: '2025-01-01' }, anonymous_id: 'anon-1' },
      posthogContext(posthog.origin),
    );
    expect(posthog.requests.at(-1)).toMatchObject({ method: 'POST', path: '/i/v0/e/' });
    expect(posthog.requests.at(-1)!.body).toEqual({
      api_key: posthogProjectKey,
      event: '$identify',
      distinct_id: 'user-7',
      properties: { $set: { email: 'ada@example.com' }, $set_once: { first_seen: '2025-01-01' }, $anon_distinct_id: 'anon-1' },
    });
    expect(result).toEqual({ identified: true, distinctId: 'user-7', set: ['email'], setOnce: ['first_seen'], mergedAnonymousId: 'anon-1' });
  });

  it('says the project key was refused on a 401', async () => {
    await expect(runTool(posthogIdentifyTool, { distinct_id: 'u' }, posthogContext(posthog.origin, { api_key: 'phc_wrong' }))).rejects.toThrow('PostHog refused the credential (401)');
  });
});
