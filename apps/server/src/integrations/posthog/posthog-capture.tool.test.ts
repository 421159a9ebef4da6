import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { posthogCaptureTool } from './posthog-capture.tool.js';
import { posthogContext, posthogProjectKey, startPosthogDouble } from './posthog.double.test-support.js';

let posthog: Awaited<ReturnType<typeof startPosthogDouble>>;
beforeAll(async () => {
  posthog = await startPosthogDouble();
});
afterAll(() => posthog.close());

describe('posthog_capture', () => {
  it('posts the event to /i/v0/e/ with the project API key in the body', async () => {
    const { result } = await runTool(posthogCaptureTool, { event: 'user_signed_up', distinct_id: 'user-7', properties: { plan: 'pro' }, timestamp: '2025-03-01T12:00:00Z' }, posthogContext(posthog.origin));
    const request = posthog.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/i/v0/e/' });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ api_key: posthogProjectKey, event: 'user_signed_up', distinct_id: 'user-7', properties: { plan: 'pro' }, timestamp: '2025-03-01T12:00:00.000Z' });
    expect(result).toEqual({ captured: true, event: 'user_signed_up', distinctId: 'user-7', timestamp: '2025-03-01T12:00:00.000Z' });
  });

  it('sends to a self-hosted PostHog at its own address', async () => {
    await runTool(posthogCaptureTool, { event: '$pageview', distinct_id: 'u' }, posthogContext(posthog.origin, { api_key: posthogProjectKey, host: posthog.origin }));
    expect(posthog.requests.at(-1)).toMatchObject({ path: '/i/v0/e/', body: { event: '$pageview', properties: {} } });
  });

  it('says the project key was refused on a 401', async () => {
    await expect(runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u' }, posthogContext(posthog.origin, { api_key: 'phc_wrong' }))).rejects.toThrow(
      'PostHog refused the credential (401): Project API key invalid.',
    );
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    posthog.failNext('rate-limit');
    const before = posthog.requests.length;
    await runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u' }, posthogContext(posthog.origin));
    expect(posthog.requests.length - before).toBe(2);
  });

  it('refuses an HTML page where JSON was expected', async () => {
    posthog.failNext('html');
    await expect(runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u' }, posthogContext(posthog.origin))).rejects.toThrow('PostHog answered with an HTML page instead of JSON');
  });

  it('refuses a host with a path, a missing key and a bad timestamp, sending nothing', async () => {
    const before = posthog.requests.length;
    await expect(runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u' }, posthogContext(posthog.origin, { api_key: posthogProjectKey, host: 'https://evil.test/steal?x=' }))).rejects.toThrow('Give the PostHog address only');
    await expect(runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u' }, posthogContext(posthog.origin, { host: posthog.origin }))).rejects.toThrow('no api_key');
    await expect(runTool(posthogCaptureTool, { event: 'x', distinct_id: 'u', timestamp: 'soon' }, posthogContext(posthog.origin))).rejects.toThrow('timestamp must be an ISO 8601');
    expect(posthog.requests.length).toBe(before);
  });
});
