import type { SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createTestToolContext } from '../../tools/test-support.js';
import { addOneWorkflow, createAgentWithWorkflow } from '../agents-test-support.js';
import { agentToolNames } from './agent-tool-names.js';

let app: TestApp;
let owner: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
});
afterEach(() => app.close());

async function activate(accessToken: string, agentId: string, description = ''): Promise<void> {
  const response = await app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}`, headers: bearer(accessToken), payload: { status: 'active', description } });
  if (response.statusCode !== 200) throw new Error(`activate: ${response.statusCode} ${response.body}`);
}

const agentTools = async (userId: string) =>
  (await app.toolRegistry.listForUser(userId, { interactive: true })).filter((tool) => tool.source === 'agent');

describe('agents as tools of the registry', () => {
  it('offers an active agent as agent_<slug> and runs it through the registry (trigger chat)', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Add One!');
    await activate(owner.accessToken, agentId, 'Adds one to n.');
    const tools = await agentTools(owner.user.id);
    expect(tools.map((tool) => tool.name)).toEqual(['agent_add_one']);
    const tool = tools[0]!;
    expect(tool.description).toBe('Adds one to n.');
    expect(tool.inputJsonSchema).toMatchObject({ type: 'object', required: ['input'], properties: { input: { type: 'object' } } });

    const output = await tool.run({ input: { n: 41 } }, createTestToolContext({ userId: owner.user.id }));
    expect(output.result).toMatchObject({ status: 'completed', output: { Result: 42 } });
    const executionId = (output.result as { executionId: string }).executionId;
    const stored = await app.database.db.selectFrom('executions').select(['trigger', 'agent_id', 'user_id']).where('id', '=', executionId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ trigger: 'chat', agent_id: agentId, user_id: owner.user.id });
  });

  it('answers a failed result the model can read when the input is refused', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    await activate(owner.accessToken, agentId);
    const [tool] = await agentTools(owner.user.id);
    const output = await tool!.run({ input: 'not json' }, createTestToolContext({ userId: owner.user.id }));
    expect(output.result).toMatchObject({ status: 'failed', output: null, error: { code: 'validation_failed', message: expect.stringContaining('JSON') } });
  });

  it('lists neither draft agents nor another user’s agents; the agent_ names stay unique', async () => {
    await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Draft');
    await setRegistrationMode(app, owner.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    const othersAgent = await createAgentWithWorkflow(app, other.accessToken, addOneWorkflow, 'Secret');
    await activate(other.accessToken, othersAgent);
    expect(await agentTools(owner.user.id)).toEqual([]);
    expect((await agentTools(other.user.id)).map((tool) => tool.name)).toEqual(['agent_secret']);
    const first = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Twin');
    const second = await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'twin');
    await activate(owner.accessToken, first);
    await activate(owner.accessToken, second);
    expect((await agentTools(owner.user.id)).map((tool) => tool.name).sort()).toEqual(['agent_twin', 'agent_twin_2']);
  });
});

describe('agentToolNames', () => {
  it('makes snake_case names of at most 64 characters, unique, and names a symbol-only agent by its id', () => {
    const names = agentToolNames([
      { id: 'a1', name: 'Weekly Report (v2)' }, { id: 'a2', name: 'weekly report v2' }, { id: 'abcdef123456', name: '🚀' },
      { id: 'a4', name: 'x'.repeat(100) }, { id: 'a5', name: 'x'.repeat(100) },
    ]);
    expect(names.slice(0, 3)).toEqual(['agent_weekly_report_v2', 'agent_weekly_report_v2_2', 'agent_abcdef12']);
    expect(names[3]).toHaveLength(64);
    expect(names[4]).toMatch(/^agent_x+_2$/);
    expect(names[4]).toHaveLength(64);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]+$/);
  });
});
