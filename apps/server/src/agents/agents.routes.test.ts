import { agentResponseSchema, agentsPageSchema, apiErrorSchema, deploySnippetsSchema, executionRecordSchema, executionsPageSchema, executionStatsSchema, type SessionResponse, workflowResponseSchema } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow, createApiKey } from './agents-test-support.js';

let app: TestApp;
let owner: SessionResponse;
let other: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
  await setRegistrationMode(app, owner.accessToken, 'open');
  other = (await registerUser(app)).json<SessionResponse>();
});
afterEach(() => app.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.http.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('/api/agents', () => {
  it('creates, lists, updates and deletes agents, and hides them from other users', async () => {
    const created = await call(owner.accessToken, 'POST', '/api/agents', { name: 'Researcher', description: 'Finds news' });
    expect(created.statusCode).toBe(201);
    const { agent } = agentResponseSchema.parse(created.json());
    expect(agent).toMatchObject({ name: 'Researcher', description: 'Finds news', status: 'draft', hasWorkflow: false, blockCount: 0, workflowVersion: 0 });
    await call(owner.accessToken, 'POST', '/api/agents', { name: 'Second' });

    const recent = (await call(owner.accessToken, 'GET', '/api/agents/recent')).json<{ agents: Array<{ name: string }> }>();
    expect(recent.agents.map((one) => one.name).sort()).toEqual(['Researcher', 'Second']);
    const list = (await call(owner.accessToken, 'GET', '/api/agents?limit=1&offset=0')).json();
    expect(list).toMatchObject({ total: 2, limit: 1, offset: 0, hasMore: true });
    expect((await call(other.accessToken, 'GET', '/api/agents')).json()).toMatchObject({ agents: [], total: 0 });

    for (const [method, url, payload] of [['GET', `/api/agents/${agent.id}`], ['PUT', `/api/agents/${agent.id}`, { name: 'Mine now' }], ['DELETE', `/api/agents/${agent.id}`], ['GET', `/api/agents/${agent.id}/workflow`], ['PUT', `/api/agents/${agent.id}/workflow`, addOneWorkflow], ['GET', `/api/agents/${agent.id}/executions`]] as const) {
      const response = await call(other.accessToken, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('not_found');
    }

    const updated = await call(owner.accessToken, 'PUT', `/api/agents/${agent.id}`, { name: 'Reporter', status: 'active', settings: { callbackUrl: 'https://example.test/done' } });
    expect(agentResponseSchema.parse(updated.json()).agent).toMatchObject({ name: 'Reporter', status: 'active', settings: { callbackUrl: 'https://example.test/done' } });
    expect((await call(owner.accessToken, 'PUT', `/api/agents/${agent.id}`, { status: 'archived' })).statusCode).toBe(400);
    expect((await call(owner.accessToken, 'DELETE', `/api/agents/${agent.id}`)).statusCode).toBe(204);
    expect((await call(owner.accessToken, 'GET', `/api/agents/${agent.id}`)).statusCode).toBe(404);
  });

  it('saves a valid workflow (the version always increments, snapshots on request) and restores a version', async () => {
    const agentId = (agentResponseSchema.parse((await call(owner.accessToken, 'POST', '/api/agents', { name: 'Adder' })).json())).agent.id;
    const first = await call(owner.accessToken, 'PUT', `/api/agents/${agentId}/workflow`, { ...addOneWorkflow, createVersion: true, versionDescription: 'first' });
    expect(first.statusCode).toBe(200);
    expect(workflowResponseSchema.parse(first.json())).toMatchObject({ agentId, version: 1 });
    const changed = { ...addOneWorkflow, blocks: addOneWorkflow.blocks.map((block) => (block.id === 'b2' ? { ...block, config: { expression: 'input.n * 2' } } : block)) };
    expect(workflowResponseSchema.parse((await call(owner.accessToken, 'PUT', `/api/agents/${agentId}/workflow`, changed)).json()).version).toBe(2);

    const versions = (await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow/versions`)).json();
    expect(versions).toEqual({ versions: [{ version: 1, description: 'first', blockCount: 3, createdAt: expect.any(String) }] });
    const snapshot = (await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow/versions/1`)).json<{ workflow: { blocks: Array<{ config: unknown }> } }>();
    expect(snapshot.workflow.blocks[1]?.config).toEqual({ expression: 'input.n + 1' });
    expect((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow/versions/9`)).statusCode).toBe(404);

    const restored = workflowResponseSchema.parse((await call(owner.accessToken, 'POST', `/api/agents/${agentId}/workflow/restore/1`)).json());
    expect(restored.version).toBe(3);
    expect(restored.workflow.blocks[1]).toMatchObject({ config: { expression: 'input.n + 1' } });
    const current = workflowResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow`)).json());
    expect(current).toMatchObject({ version: 3 });
    const list = (await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow/versions`)).json<{ versions: Array<{ version: number; description: string }> }>();
    expect(list.versions.map((version) => [version.version, version.description])).toEqual([[3, 'Restored from version 1'], [1, 'first']]);
    expect(agentResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}`)).json()).agent).toMatchObject({ hasWorkflow: true, blockCount: 3, workflowVersion: 3 });
  });

  it('refuses workflows with cycles, dangling connections, unknown types and templates that point nowhere, naming the blocks', async () => {
    const agentId = (agentResponseSchema.parse((await call(owner.accessToken, 'POST', '/api/agents', { name: 'Broken' })).json())).agent.id;
    const cases: Array<[string, object, string[]]> = [
      ['cycle', { ...addOneWorkflow, connections: [...addOneWorkflow.connections, { id: 'c3', sourceBlockId: 'b3', targetBlockId: 'b2' }] }, ['b2', 'b3']],
      ['dangling', { ...addOneWorkflow, connections: [...addOneWorkflow.connections, { id: 'c3', sourceBlockId: 'b3', targetBlockId: 'ghost' }] }, ['ghost']],
      ['unknown type', { ...addOneWorkflow, blocks: [...addOneWorkflow.blocks, { id: 'b9', normalizedId: 'odd', type: 'teleport', name: 'Odd', config: {} }] }, ['b9']],
      ['template', { ...addOneWorkflow, blocks: addOneWorkflow.blocks.map((block) => (block.id === 'b3' ? { ...block, config: { value: '{{nowhere.response}}' } } : block)) }, ['b3']],
    ];
    for (const [name, workflow, blockIds] of cases) {
      const response = await call(owner.accessToken, 'PUT', `/api/agents/${agentId}/workflow`, workflow);
      expect(response.statusCode, name).toBe(400);
      const { error } = apiErrorSchema.parse(response.json());
      expect(error.code, name).toBe('validation_failed');
      expect((error.details as { blockIds: string[] }).blockIds, name).toEqual(expect.arrayContaining(blockIds));
    }
    expect(workflowResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/workflow`)).json())).toMatchObject({ version: 0, workflow: { blocks: [] } });
  });

  it('lists executions of an agent and of the user, with one record and stats', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken);
    const service = app.agents.runs;
    const outcomes = [];
    for (const n of [1, 2]) outcomes.push(await (await service.start(owner.user.id, agentId, { n }, { trigger: 'manual' })).done);
    expect(outcomes.map((outcome) => [outcome.status, outcome.output])).toEqual([['completed', { Result: 2 }], ['completed', { Result: 3 }]]);

    const page = executionsPageSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/executions?limit=1`)).json());
    expect(page).toMatchObject({ total: 2, page: 1, limit: 1, hasMore: true });
    expect(page.executions[0]).toMatchObject({ agentId, trigger: 'manual', status: 'completed', workflowVersion: 1 });
    const all = executionsPageSchema.parse((await call(owner.accessToken, 'GET', `/api/executions?status=completed&triggerType=manual&agentId=${agentId}`)).json());
    expect(all.total).toBe(2);
    expect(executionsPageSchema.parse((await call(owner.accessToken, 'GET', '/api/executions?triggerType=api')).json()).total).toBe(0);
    expect(executionsPageSchema.parse((await call(other.accessToken, 'GET', '/api/executions')).json()).total).toBe(0);

    const id = outcomes[0]?.id ?? '';
    const record = executionRecordSchema.parse((await call(owner.accessToken, 'GET', `/api/executions/${id}`)).json());
    expect(record).toMatchObject({ id, agentId, status: 'completed', input: { n: 1 }, output: { Result: 2 }, error: null });
    expect(Object.keys(record.blocks).sort()).toEqual(['b1', 'b2', 'b3']);
    expect(record.blocks.b2).toMatchObject({ name: 'Add one', type: 'transform', status: 'completed', output: 2, attempts: 1 });
    expect((await call(other.accessToken, 'GET', `/api/executions/${id}`)).statusCode).toBe(404);

    const stats = executionStatsSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${agentId}/executions/stats`)).json());
    expect(stats).toMatchObject({ total: 2, successCount: 2, failedCount: 0, successRate: 1, byStatus: { completed: { count: 2 } } });
    expect((await call(other.accessToken, 'GET', `/api/agents/${agentId}/executions/stats`)).statusCode).toBe(404);
  });
});

describe('agents list extras', () => {
  it('gives each listed agent its latest run, or null before the first', async () => {
    const ranId = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Ran');
    const idleId = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Idle');
    await (await app.agents.runs.start(owner.user.id, ranId, { n: 1 }, { trigger: 'manual' })).done;
    // Start times have millisecond precision: let the clock move on, so "latest" is one run.
    for (const first = Date.now(); Date.now() === first; ) await new Promise((resolve) => setTimeout(resolve, 1));
    const last = await (await app.agents.runs.start(owner.user.id, ranId, { n: 'x' }, { trigger: 'api' })).done;
    const { agents } = agentsPageSchema.parse((await call(owner.accessToken, 'GET', '/api/agents')).json());
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    expect(byId.get(ranId)?.lastRun).toEqual({ executionId: last.id, status: last.status, startedAt: expect.any(String) });
    expect(byId.get(idleId)?.lastRun).toBeNull();
  });

  it('duplicates an agent with its workflow as a draft version 1, without its callback, and only for its owner', async () => {
    const sourceId = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Original');
    await call(owner.accessToken, 'PUT', `/api/agents/${sourceId}`, { status: 'active', settings: { callbackUrl: 'https://example.test/done', tone: 'brief' } });
    expect((await call(other.accessToken, 'POST', `/api/agents/${sourceId}/duplicate`)).statusCode).toBe(404);
    const response = await call(owner.accessToken, 'POST', `/api/agents/${sourceId}/duplicate`);
    expect(response.statusCode).toBe(201);
    const { agent: copy } = agentResponseSchema.parse(response.json());
    expect(copy).toMatchObject({ name: 'Original (copy)', status: 'draft', blockCount: 3, workflowVersion: 1, settings: { tone: 'brief' } });
    expect(copy.settings).not.toHaveProperty('callbackUrl');
    const workflow = workflowResponseSchema.parse((await call(owner.accessToken, 'GET', `/api/agents/${copy.id}/workflow`)).json());
    expect(workflow.workflow.blocks.map((block) => block.id)).toEqual(addOneWorkflow.blocks.map((block) => block.id));
    const versions = (await call(owner.accessToken, 'GET', `/api/agents/${copy.id}/workflow/versions`)).json();
    expect(versions).toEqual({ versions: [{ version: 1, description: 'Copied from Original', blockCount: 3, createdAt: expect.any(String) }] });
    // The copy runs on its own.
    expect((await (await app.agents.runs.start(owner.user.id, copy.id, { n: 4 }, { trigger: 'manual' })).done).output).toEqual({ Result: 5 });
  });
});

describe('GET /api/agents/:id/deploy', () => {
  it('gives trigger examples for this server and agent, and the curl one works as written', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Echo');
    // The sample input is { message }; this agent echoes its input.
    await call(owner.accessToken, 'PUT', `/api/agents/${agentId}/workflow`, {
      ...addOneWorkflow, blocks: addOneWorkflow.blocks.map((block) => (block.id === 'b2' ? { ...block, config: { expression: 'input.message' } } : block)),
    });
    const response = await app.http.inject({ url: `/api/agents/${agentId}/deploy`, headers: { ...bearer(owner.accessToken), host: 'agents.example.test' } });
    expect(response.statusCode).toBe(200);
    const snippets = deploySnippetsSchema.parse(response.json());
    expect(snippets.endpoint).toBe(`http://agents.example.test/api/trigger/${agentId}`);
    for (const code of [snippets.curl, snippets.python, snippets.javascript, snippets.go]) {
      expect(code).toContain(snippets.endpoint);
      expect(code).toContain('X-API-Key');
    }
    expect(snippets.go).toContain('package main');

    // Replay the curl command's request with a real key.
    const url = /curl -X POST '([^']+)'/.exec(snippets.curl)?.[1] ?? '';
    const body = /-d '(.+)'$/m.exec(snippets.curl)?.[1] ?? '';
    const { apiKey } = await createApiKey(app, owner.accessToken, ['execute:*']);
    const replayed = await app.http.inject({ method: 'POST', url: url.replace('http://agents.example.test', ''), headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, payload: body });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toMatchObject({ status: 'completed', output: { Result: 'Hello' } });
    expect((await call(other.accessToken, 'GET', `/api/agents/${agentId}/deploy`)).statusCode).toBe(404);
  });
});
