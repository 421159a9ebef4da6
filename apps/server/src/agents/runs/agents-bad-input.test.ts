import { apiErrorSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { startDoubleServer, type DoubleServer } from '../../test/llm-doubles/double-server.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

/**
 * The "Bad input" cases the other suites do not cover end to end through the server: 10,000 blocks, a
 * tool that fails or hangs, and a loop over a million items. (Cycles, dangling connections and templates pointing
 * nowhere: agents.routes.test; keys, another user's agent and input not matching the start block:
 * trigger.routes.test; an agent calling itself: agent-runs.service.test; restart marking: agent-runs.restart.test.)
 */

let app: TestApp;
let owner: SessionResponse;
let stalled: DoubleServer;
beforeEach(async () => {
  // An API that never answers (the hanging tool's target).
  stalled = await startDoubleServer(() => new Promise<void>(() => undefined));
  app = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32' } });
  owner = await registerAdmin(app);
});
afterEach(async () => {
  await app.close();
  await stalled.close();
});

const start = { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' } };

/** start → `block` → output "Result". */
function around(block: Record<string, unknown>) {
  return {
    blocks: [start, { name: 'Work', ...block, id: 'work', normalizedId: 'work' }, { id: 'out', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{work}}' } }],
    connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'work' }, { id: 'c2', sourceBlockId: 'work', targetBlockId: 'out' }],
    variables: [],
  };
}

const runOf = async (workflow: object, input: unknown = {}) => {
  const agentId = await createAgentWithWorkflow(app, owner.accessToken, workflow, 'Bad input');
  return (await app.agents.runs.start(owner.user.id, agentId, input, { trigger: 'manual' })).done;
};

describe('bad input to agents', () => {
  it('refuses a workflow of 10,000 blocks before looking at any of them', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    const blocks = Array.from({ length: 10_000 }, (_, index) => ({ id: `b${index}`, normalizedId: `b${index}`, type: 'transform', name: `B${index}`, config: { expression: '1' } }));
    const response = await app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}/workflow`, headers: bearer(owner.accessToken), payload: { blocks, connections: [], variables: [] } });
    expect(response.statusCode).toBe(400);
    expect(apiErrorSchema.parse(response.json()).error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('10000 blocks; at most 1000') });
    // The saved workflow is untouched.
    const saved = (await app.http.inject({ url: `/api/agents/${agentId}/workflow`, headers: bearer(owner.accessToken) })).json<{ workflow: { blocks: unknown[] } }>();
    expect(saved.workflow.blocks).toHaveLength(3);
  });

  it('fails a block whose tool fails, with the tool’s own message; what depends on it is skipped', async () => {
    const run = await runOf(around({ type: 'code_block', config: { toolName: 'calculate_math', argumentMapping: { expression: '{{input.expression}}' } } }), { expression: '2 +* 3' });
    expect(run.status).toBe('partial');
    expect(run.blocks.work).toMatchObject({ status: 'failed', error: { code: 'TOOL_FAILED', message: expect.stringContaining('Could not calculate "2 +* 3"') } });
    expect(run.blocks.out?.status).toBe('skipped');

    const unknown = await runOf(around({ type: 'code_block', config: { toolName: 'no_such_tool' } }));
    expect(unknown.blocks.work?.error?.message).toContain('Unknown tool "no_such_tool"');
  });

  it('stops a block whose tool hangs at the block’s timeout, aborting the tool’s request', async () => {
    const run = await runOf(around({ type: 'code_block', timeoutSeconds: 1, config: { toolName: 'test_api', argumentMapping: { url: `${stalled.origin}/slow` } } }));
    expect(run.blocks.work).toMatchObject({ status: 'failed', error: { code: 'BLOCK_TIMEOUT', message: 'Block "Work" timed out after 1 s.' } });
    expect(run.status).toBe('partial');
    expect(await stalled.waitForAborted(1)).toHaveLength(1);
  });

  it('refuses a loop over a million items before running any iteration', async () => {
    const workflow = {
      blocks: [
        start,
        { id: 'each', normalizedId: 'each', type: 'loop', name: 'Each', config: { itemsExpression: '[1..1000000]' } },
        { id: 'double', normalizedId: 'double', type: 'transform', name: 'Double', config: { expression: 'item * 2' } },
      ],
      connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'each' }, { id: 'c2', sourceBlockId: 'each', sourceOutput: 'body', targetBlockId: 'double' }],
      variables: [],
    };
    const run = await runOf(workflow);
    expect(run.blocks.each).toMatchObject({ status: 'failed', error: { code: 'LOOP_TOO_MANY_ITEMS', message: 'Loop "Each" got 1000000 items; at most 10000 are allowed.' } });
    expect(run.blocks.double).toMatchObject({ status: 'skipped' });
  });
});
