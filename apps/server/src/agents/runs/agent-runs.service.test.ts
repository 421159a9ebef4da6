import { executionRecordSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCounterStore } from '../../platform/counters/memory-counter-store.js';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { createAgentWithWorkflow, createApiKey } from '../agents-test-support.js';
import { maxStoredJsonChars, toStoredJson } from './execution-records.js';

/** start → sub_agent(agentId) → output "Child said". */
function callerWorkflow(agentId: string) {
  return {
    blocks: [
      { id: 's', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' } },
      { id: 'call', normalizedId: 'call', type: 'sub_agent', name: 'Call', config: { agentId } },
      { id: 'o', normalizedId: 'said', type: 'output', name: 'Child said', config: { value: '{{call.output}}' } },
    ],
    connections: [{ id: 'c1', sourceBlockId: 's', targetBlockId: 'call' }, { id: 'c2', sourceBlockId: 'call', targetBlockId: 'o' }],
    variables: [],
  };
}

let app: TestApp;
let owner: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
});
afterEach(() => app.close());

describe('agent runs', () => {
  it('runs another agent as a sub-agent (recorded as its own execution) and refuses an agent that calls itself', async () => {
    const adder = await createAgentWithWorkflow(app, owner.accessToken);
    const caller = await createAgentWithWorkflow(app, owner.accessToken, callerWorkflow(adder), 'Caller');
    const run = await (await app.agents.runs.start(owner.user.id, caller, { n: 9 }, { trigger: 'manual' })).done;
    expect(run).toMatchObject({ status: 'completed', output: { 'Child said': { Result: 10 } } });
    const all = await app.database.db.selectFrom('executions').select(['agent_id', 'status']).execute();
    expect(all.map((row) => `${row.agent_id === adder ? 'adder' : 'caller'}:${row.status}`).sort()).toEqual(['adder:completed', 'caller:completed']);

    const selfCaller = await createAgentWithWorkflow(app, owner.accessToken, callerWorkflow(adder), 'Self');
    await app.http.inject({ method: 'PUT', url: `/api/agents/${selfCaller}/workflow`, headers: bearer(owner.accessToken), payload: callerWorkflow(selfCaller) });
    const refused = await (await app.agents.runs.start(owner.user.id, selfCaller, { n: 1 }, { trigger: 'manual' })).done;
    // The start block completed, the call failed: partial (reference §3.3).
    expect(refused.status).toBe('partial');
    const record = executionRecordSchema.parse((await app.http.inject({ url: `/api/executions/${refused.id}`, headers: bearer(owner.accessToken) })).json());
    expect(record.blocks.call?.error?.code).toBe('SUB_AGENT_RECURSION');
  });

  it('stores large values as a truncation marker with a preview', async () => {
    const big = { text: 'x'.repeat(maxStoredJsonChars) };
    const stored = JSON.parse(toStoredJson(big) ?? 'null') as { _truncated: boolean; originalChars: number; preview: string };
    expect(stored._truncated).toBe(true);
    expect(stored.originalChars).toBe(JSON.stringify(big).length);
    expect(stored.preview.startsWith('{"text":"xxx')).toBe(true);
    expect(toStoredJson({ small: 1 })).toBe('{"small":1}');
    expect(toStoredJson(undefined)).toBeNull();

    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    const run = await (await app.agents.runs.start(owner.user.id, agentId, { n: 1, padding: 'y'.repeat(maxStoredJsonChars) }, { trigger: 'manual' })).done;
    const row = await app.database.db.selectFrom('executions').select('input').where('id', '=', run.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.input ?? '{}')).toMatchObject({ _truncated: true });
    expect((row.input ?? '').length).toBeLessThan(maxStoredJsonChars);
  });

  it('enforces 1,000 runs per user per day unless LIMITS_ENABLED=false', async () => {
    for (const limitsEnabled of [true, false]) {
      const counters = createMemoryCounterStore();
      const limited = await createTestApp({ overrides: { counters }, env: { LIMITS_ENABLED: String(limitsEnabled) } });
      try {
        const admin = await registerAdmin(limited);
        const agentId = await createAgentWithWorkflow(limited, admin.accessToken);
        const key = `executions:${admin.user.id}:${new Date().toISOString().slice(0, 10)}`;
        // 999 runs today already (counted the way the run service counts them).
        for (let index = 0; index < 999; index += 1) await counters.increment(key, 86_400);
        expect((await (await limited.agents.runs.start(admin.user.id, agentId, { n: 1 }, { trigger: 'manual' })).done).status).toBe('completed');
        const { apiKey } = await createApiKey(limited, admin.accessToken, ['execute:*']);
        const response = await limited.http.inject({ method: 'POST', url: `/api/trigger/${agentId}?wait=true`, headers: { 'x-api-key': apiKey }, payload: { input: { n: 1 } } });
        expect(response.statusCode, `limits ${limitsEnabled}`).toBe(limitsEnabled ? 429 : 200);
        if (limitsEnabled) expect(response.json()).toMatchObject({ error: { code: 'rate_limited' } });
      } finally {
        await limited.close();
      }
    }
  });
});
