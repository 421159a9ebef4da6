import { apiErrorSchema, executionsPageSchema, scheduleResponseSchema, scheduleUsageSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

// A fake clock shared by the app(s): it starts 30 s before the next full UTC hour (`base`), and tests move it
// past `base` to make schedules due. Tokens are issued by the same clock, so they stay valid.
let base = new Date(0);
let clock = new Date(0);
const now = () => clock;
const at = (offsetMs: number) => new Date(base.getTime() + offsetMs);
let app: TestApp;
const peers: TestApp[] = [];
let owner: SessionResponse;
let agentId: string;
beforeEach(async () => {
  base = new Date(Math.ceil((Date.now() + 60_000) / 3_600_000) * 3_600_000);
  clock = at(-30_000);
  app = await createTestApp({ overrides: { now } });
  owner = await registerAdmin(app);
  agentId = await createAgentWithWorkflow(app, owner.accessToken);
});
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
  await app.close();
});

const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.http.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const scheduleRuns = async () => executionsPageSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/executions?triggerType=schedule`)).json());

describe('/api/agents/:id/schedule', () => {
  it('creates a schedule in a time zone, runs it when due (once, with the input template) and counts the runs', async () => {
    const created = await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule`, { cronExpression: '30 * * * *', timezone: 'Asia/Kolkata', inputTemplate: { n: 5 } });
    expect(created.statusCode).toBe(201);
    // Minute 30 in India (UTC+5:30) is minute 0 in UTC.
    expect(scheduleResponseSchema.parse(created.json()).schedule).toMatchObject({ enabled: true, nextRunAt: base.toISOString(), totalRuns: 0 });
    expect(await app.agents.schedules.tick()).toBe(0);

    clock = at(5_000);
    expect(await app.agents.schedules.tick()).toBe(1);
    // The same tick again does nothing: the next run moved to tomorrow.
    expect(await app.agents.schedules.tick()).toBe(0);
    const runs = await scheduleRuns();
    expect(runs.total).toBe(1);
    // stop() waits for the runs it started to be counted.
    await app.agents.schedules.stop();
    const record = (await call(owner.accessToken, 'GET', `/api/executions/${runs.executions[0]?.id ?? ''}`)).json();
    expect(record).toMatchObject({ status: 'completed', input: { n: 5 }, output: { Result: 6 } });
    const schedule = scheduleResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/schedule`)).json()).schedule;
    expect(schedule).toMatchObject({ nextRunAt: at(3_600_000).toISOString(), lastRunAt: at(5_000).toISOString(), totalRuns: 1, successfulRuns: 1, failedRuns: 0 });
  });

  it('runs a due tick once when two processes share the database', async () => {
    await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule`, { cronExpression: '*/5 * * * *', timezone: 'UTC', inputTemplate: { n: 1 } });
    const peer = await createTestApp({ peerOf: app, overrides: { now } });
    peers.push(peer);
    clock = at(1_000);
    const started = await Promise.all([app.agents.schedules.tick(), peer.agents.schedules.tick(), app.agents.schedules.tick(), peer.agents.schedules.tick()]);
    expect(started.reduce((sum, count) => sum + count, 0)).toBe(1);
    await app.agents.schedules.stop();
    await peer.agents.schedules.stop();
    expect((await scheduleRuns()).total).toBe(1);
  });

  it('updates, pauses, runs now, reports usage, refuses bad input and other users, and deletes', async () => {
    const bad = [
      { cronExpression: '0 9 * *', timezone: 'UTC' },
      { cronExpression: '61 9 * * *', timezone: 'UTC' },
      { cronExpression: '0 9 * * *', timezone: 'Mars/Olympus' },
      { cronExpression: '0 9 * * *' },
    ];
    for (const payload of bad) {
      const response = await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('validation_failed');
    }
    await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule`, { cronExpression: '0 9 * * *', timezone: 'UTC', inputTemplate: { n: 2 } });
    expect((await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule`, { cronExpression: '0 9 * * *', timezone: 'UTC' })).statusCode).toBe(409);
    expect(scheduleUsageSchema.parse((await call(owner.accessToken, 'GET', '/api/schedules/usage')).json())).toEqual({ active: 1, paused: 0, total: 1, limit: 50, canCreate: true });

    const paused = scheduleResponseSchema.parse((await call(owner.accessToken, 'PUT', `/api/agents/${agentId}/schedule`, { enabled: false })).json()).schedule;
    expect(paused).toMatchObject({ enabled: false, nextRunAt: null });
    expect(scheduleUsageSchema.parse((await call(owner.accessToken, 'GET', '/api/schedules/usage')).json())).toMatchObject({ active: 0, paused: 1 });

    const ran = await call(owner.accessToken, 'POST', `/api/agents/${agentId}/schedule/run`);
    expect(ran.statusCode).toBe(202);
    const { executionId } = ran.json<{ executionId: string }>();
    expect(await app.agents.runs.whenDone(executionId)).toMatchObject({ trigger: 'schedule', output: { Result: 3 } });

    await setRegistrationMode(app, owner.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    expect((await call(other.accessToken, 'GET', `/api/agents/${agentId}/schedule`)).statusCode).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/agents/${agentId}/schedule`, { cronExpression: '0 9 * * *', timezone: 'UTC' })).statusCode).toBe(404);
    expect((await call(other.accessToken, 'DELETE', `/api/agents/${agentId}/schedule`)).statusCode).toBe(404);

    await app.agents.schedules.stop();
    expect((await call(owner.accessToken, 'DELETE', `/api/agents/${agentId}/schedule`)).statusCode).toBe(204);
    expect((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/schedule`)).statusCode).toBe(404);
  });
});
