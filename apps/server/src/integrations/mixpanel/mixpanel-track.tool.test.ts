import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { mixpanelTrackTool } from './mixpanel-track.tool.js';
import { mixpanelContext, mixpanelToken, startMixpanelDouble } from './mixpanel.double.test-support.js';

let mixpanel: Awaited<ReturnType<typeof startMixpanelDouble>>;
beforeAll(async () => {
  mixpanel = await startMixpanelDouble();
});
afterAll(() => mixpanel.close());

describe('mixpanel_track', () => {
  it('posts the event as a one-item JSON batch with the token, time in ms and an insert id', async () => {
    const { result } = await runTool(mixpanelTrackTool, { event: 'Signed Up', distinct_id: 'user-7', properties: { plan: 'pro' } }, mixpanelContext(mixpanel.origin));
    const request = mixpanel.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/track', query: { verbose: '1' } });
    expect(request.headers['content-type']).toBe('application/json');
    const [event] = request.body as Array<{ event: string; properties: Record<string, unknown> }>;
    expect(event).toEqual({
      event: 'Signed Up',
      properties: { plan: 'pro', token: mixpanelToken, time: Date.parse('2025-03-01T12:00:00Z'), distinct_id: 'user-7', $insert_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(result).toEqual({ tracked: true, event: 'Signed Up', distinctId: 'user-7', insertId: event!.properties.$insert_id, time: '2025-03-01T12:00:00.000Z' });
  });

  it('uses the given time and insert id', async () => {
    await runTool(mixpanelTrackTool, { event: 'Purchase', time: '2025-02-28T08:00:00Z', insert_id: 'order-1001' }, mixpanelContext(mixpanel.origin));
    const [event] = mixpanel.requests.at(-1)!.body as Array<{ properties: Record<string, unknown> }>;
    expect(event!.properties).toMatchObject({ time: Date.parse('2025-02-28T08:00:00Z'), $insert_id: 'order-1001' });
    expect(event!.properties).not.toHaveProperty('distinct_id');
  });

  it('reports Mixpanel\'s reason when it refuses the batch (a token it does not know)', async () => {
    await expect(runTool(mixpanelTrackTool, { event: 'X' }, mixpanelContext(mixpanel.origin, { project_token: 'not-a-project' }))).rejects.toThrow(
      'Mixpanel did not accept the data: token, missing or empty.',
    );
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    mixpanel.failNext('rate-limit');
    const before = mixpanel.requests.length;
    await runTool(mixpanelTrackTool, { event: 'Retry me' }, mixpanelContext(mixpanel.origin));
    expect(mixpanel.requests.length - before).toBe(2);
  });

  it('refuses an HTML page where JSON was expected', async () => {
    mixpanel.failNext('html');
    await expect(runTool(mixpanelTrackTool, { event: 'X' }, mixpanelContext(mixpanel.origin))).rejects.toThrow('Mixpanel answered with an HTML page instead of JSON');
  });

  it('refuses a time that is not a date, and a credential without a token, sending nothing', async () => {
    const before = mixpanel.requests.length;
    await expect(runTool(mixpanelTrackTool, { event: 'X', time: 'yesterday-ish' }, mixpanelContext(mixpanel.origin))).rejects.toThrow('time must be an ISO 8601');
    await expect(runTool(mixpanelTrackTool, { event: 'X' }, mixpanelContext(mixpanel.origin, { api_secret: 's' }))).rejects.toThrow('no project_token');
    expect(mixpanel.requests.length).toBe(before);
  });
});
