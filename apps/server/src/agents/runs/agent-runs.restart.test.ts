import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { registerAdmin } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

const apps: TestApp[] = [];
afterEach(async () => {
  // Peers first: the first app owns the data folder and the database.
  for (const app of apps.reverse()) await app.close();
  apps.length = 0;
});

describe('runs interrupted by a stop', () => {
  it('are marked failed (interrupted) when a process starts; live processes’ runs and finished runs stay as they were', async () => {
    const first = await createTestApp();
    apps.push(first);
    const owner = await registerAdmin(first);
    const agentId = await createAgentWithWorkflow(first, owner.accessToken);
    const finished = await (await first.agents.runs.start(owner.user.id, agentId, { n: 1 }, { trigger: 'manual' })).done;
    // What processes leave behind: rows written at start, never finished. One of a process killed mid-run
    // (no runner), one of a runner that stopped beating, one of the first app (alive).
    const row = (id: string, runnerId: string | null) => ({
      id, agent_id: agentId, user_id: owner.user.id, trigger: 'api', api_key_id: null, workflow_version: 1, status: 'running',
      input: '{"n":2}', output: null, error: null, started_at: new Date().toISOString(), completed_at: null, duration_ms: null, runner_id: runnerId,
    });
    const [orphan, ofDeadRunner, ofLiveRunner] = [randomUUID(), randomUUID(), randomUUID()];
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await first.database.db.insertInto('agent_runners').values({ id: 'dead-runner', started_at: longAgo, heartbeat_at: longAgo }).execute();
    await first.database.db.insertInto('executions').values([row(orphan, null), row(ofDeadRunner, 'dead-runner'), row(ofLiveRunner, first.agents.runs.runnerId)]).execute();

    const restarted = await createTestApp({ peerOf: first });
    apps.push(restarted);
    const rows = await restarted.database.db.selectFrom('executions').select(['id', 'status', 'error', 'completed_at']).execute();
    const byId = new Map(rows.map((one) => [one.id, one]));
    for (const id of [orphan, ofDeadRunner]) {
      expect(byId.get(id)).toMatchObject({ status: 'failed', completed_at: expect.any(String) });
      expect(JSON.parse(byId.get(id)?.error ?? '{}')).toMatchObject({ code: 'interrupted' });
    }
    expect(byId.get(ofLiveRunner)).toMatchObject({ status: 'running', error: null });
    expect(byId.get(finished.id)).toMatchObject({ status: 'completed', error: null });
    const runners = (await restarted.database.db.selectFrom('agent_runners').select('id').execute()).map((one) => one.id).sort();
    expect(runners).toEqual([first.agents.runs.runnerId, restarted.agents.runs.runnerId].sort());
  });
});

describe('execution retention', () => {
  it('deletes finished executions (with their blocks) older than the retention, keeps newer and running ones', async () => {
    const app = await createTestApp();
    apps.push(app);
    const owner = await registerAdmin(app);
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    const recent = await (await app.agents.runs.start(owner.user.id, agentId, { n: 1 }, { trigger: 'manual' })).done;
    const old = await (await app.agents.runs.start(owner.user.id, agentId, { n: 2 }, { trigger: 'manual' })).done;
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await app.database.db.updateTable('executions').set({ started_at: longAgo }).where('id', '=', old.id).execute();
    const stuck = randomUUID();
    await app.database.db.insertInto('executions').values({
      id: stuck, agent_id: agentId, user_id: owner.user.id, trigger: 'api', api_key_id: null, workflow_version: 1, status: 'running',
      input: null, output: null, error: null, started_at: longAgo, completed_at: null, duration_ms: null, runner_id: null,
    }).execute();

    expect(await app.agents.runs.deleteOlderThan(30)).toBe(1);
    const left = (await app.database.db.selectFrom('executions').select('id').execute()).map((row) => row.id).sort();
    expect(left).toEqual([recent.id, stuck].sort());
    expect(await app.database.db.selectFrom('execution_blocks').select('execution_id').where('execution_id', '=', old.id).execute()).toEqual([]);
  });
});
