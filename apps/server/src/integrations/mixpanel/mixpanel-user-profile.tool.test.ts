import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { mixpanelUserProfileTool } from './mixpanel-user-profile.tool.js';
import { mixpanelContext, mixpanelToken, startMixpanelDouble } from './mixpanel.double.test-support.js';

let mixpanel: Awaited<ReturnType<typeof startMixpanelDouble>>;
beforeAll(async () => {
  mixpanel = await startMixpanelDouble();
});
afterAll(() => mixpanel.close());

describe('mixpanel_user_profile', () => {
  it('sets profile properties with $set on /engage', async () => {
    const { result } = await runTool(mixpanelUserProfileTool, { distinct_id: 'user-7', properties: { $email: 'ada@example.com', plan: 'pro' } }, mixpanelContext(mixpanel.origin));
    expect(mixpanel.requests.at(-1)).toMatchObject({ method: 'POST', path: '/engage', query: { verbose: '1' } });
    expect(mixpanel.requests.at(-1)!.body).toEqual([{ $token: mixpanelToken, $distinct_id: 'user-7', $set: { $email: 'ada@example.com', plan: 'pro' }, $ip: '0' }]);
    expect(result).toEqual({ updated: true, distinctId: 'user-7', operation: 'set', properties: ['$email', 'plan'] });
  });

  it('unsets by property names and increments numbers with $add', async () => {
    const context = mixpanelContext(mixpanel.origin);
    await runTool(mixpanelUserProfileTool, { distinct_id: 'u', operation: 'unset', properties: { old_plan: true } }, context);
    expect(mixpanel.requests.at(-1)!.body).toEqual([{ $token: mixpanelToken, $distinct_id: 'u', $unset: ['old_plan'], $ip: '0' }]);
    await runTool(mixpanelUserProfileTool, { distinct_id: 'u', operation: 'add', properties: { logins: 1 } }, context);
    expect(mixpanel.requests.at(-1)!.body).toEqual([{ $token: mixpanelToken, $distinct_id: 'u', $add: { logins: 1 }, $ip: '0' }]);
  });

  it('refuses $add with a value that is not a number, and an empty update, sending nothing', async () => {
    const before = mixpanel.requests.length;
    const context = mixpanelContext(mixpanel.origin);
    await expect(runTool(mixpanelUserProfileTool, { distinct_id: 'u', operation: 'add', properties: { logins: 'one' } }, context)).rejects.toThrow('must be a number');
    await expect(runTool(mixpanelUserProfileTool, { distinct_id: 'u', properties: {} }, context)).rejects.toThrow('at least one profile property');
    expect(mixpanel.requests.length).toBe(before);
  });

  it('reports Mixpanel\'s reason for an unknown token', async () => {
    await expect(runTool(mixpanelUserProfileTool, { distinct_id: 'u', properties: { a: 1 } }, mixpanelContext(mixpanel.origin, { project_token: 'nope' }))).rejects.toThrow('Mixpanel did not accept the data');
  });
});
