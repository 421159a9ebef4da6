import { createHmac } from 'node:crypto';
import { createWebhookResponseSchema, executionRecordSchema, executionsPageSchema, triggerAcceptedSchema, workflowServerMessageSchema, type ExecutionRecord } from '@claraverse/shared';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../../test/chat-harness.js';
import { bearer } from '../../test/factories.js';
import { answerByPoet, chatRequests, connectWorkflow, createAgentWithWorkflow, createApiKey, poemBlocks, runAndCancelAtPoets } from '../agents-test-support.js';

/**
 * Issue 6, "Done when", as one story on one agent: it is built with a condition, a loop and two parallel LLM
 * blocks against the OpenAI-compatible provider double, run over `WS /ws/workflow`, cancelled mid-way, triggered
 * by API key (async and `?wait=true`), by its schedule (fake clock), by its inbound webhook, and listed and
 * called by the MCP SDK's client at `/mcp`.
 *
 *   start ─▶ wants poems? ─true─▶ each word ─body─▶ shout ($uppercase(item))
 *                 │                   └─done─┬─▶ poet A (LLM) ─┐
 *                 │                          └─▶ poet B (LLM) ─┴─▶ join ─▶ output "Poems"
 *                 └─false─▶ output "Nothing"
 */
function poetPairWorkflow(modelId: string) {
  return {
    blocks: [
      ...poemBlocks(modelId, '{{each-word.results}}'),
      { id: 'poems', normalizedId: 'poems', type: 'output', name: 'Poems', config: { value: { words: '{{each-word.results}}', a: '{{poet-a.response}}', b: '{{poet-b.response}}' } } },
      { id: 'nothing', normalizedId: 'nothing', type: 'output', name: 'Nothing', config: { value: 'no poems today' } },
    ],
    connections: [
      { id: 'c1', sourceBlockId: 'start', targetBlockId: 'check' },
      { id: 'c2', sourceBlockId: 'check', sourceOutput: 'true', targetBlockId: 'each' },
      { id: 'c3', sourceBlockId: 'check', sourceOutput: 'false', targetBlockId: 'nothing' },
      { id: 'c4', sourceBlockId: 'each', sourceOutput: 'body', targetBlockId: 'shout' },
      { id: 'c5', sourceBlockId: 'each', sourceOutput: 'done', targetBlockId: 'poet-a' },
      { id: 'c6', sourceBlockId: 'each', sourceOutput: 'done', targetBlockId: 'poet-b' },
      { id: 'c7', sourceBlockId: 'poet-a', targetBlockId: 'join' },
      { id: 'c8', sourceBlockId: 'poet-b', targetBlockId: 'join' },
      { id: 'c9', sourceBlockId: 'join', targetBlockId: 'poems' },
    ],
    variables: [],
  };
}

/** The run every trigger below starts, and what it must end with. */
const input = { mode: 'poems', words: ['sea', 'sky'] };
const expectedOutput = { Poems: { words: ['SEA', 'SKY'], a: 'Line A', b: 'Line B' } };

// A fake clock for the whole app (schedules read it): 30 s before the next full UTC hour, moved past it later.
const base = new Date(Math.ceil((Date.now() + 60_000) / 3_600_000) * 3_600_000);
let clock = new Date(base.getTime() - 30_000);

let harness: ChatHarness;
let agentId: string;
beforeAll(async () => {
  harness = await startChatHarness({}, { overrides: { now: () => clock } });
  agentId = await createAgentWithWorkflow(harness.app, harness.admin.accessToken, poetPairWorkflow(harness.modelId), 'Poet Pair');
});
afterAll(() => harness.close());

const storedRecord = async (executionId: string) =>
  executionRecordSchema.parse((await harness.app.http.inject({ url: `/api/executions/${executionId}`, headers: bearer(harness.admin.accessToken) })).json());
/** The record of a run once it ended (stored, as the history API serves it). */
const finished = async (executionId: string) => {
  await harness.app.agents.runs.whenDone(executionId);
  return storedRecord(executionId);
};

describe('issue 6 done: one agent with a condition, a loop and two parallel LLM blocks', () => {
  it('runs over WS /ws/workflow with block events and the final output', async () => {
    answerByPoet(harness.double);
    const client = await connectWorkflow(harness.baseUrl, harness.admin.accessToken);
    try {
      client.send({ type: 'workflow.run', agentId, input });
      const start = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.start'));
      const end = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.end'));
      expect(end).toMatchObject({ executionId: start.executionId, status: 'completed', output: expectedOutput });

      const events = client.received.filter((message) => message.type === 'execution.block').map((message) => workflowServerMessageSchema.parse(message));
      const ended = (blockId: string) => events.filter((event) => event.type === 'execution.block' && event.blockId === blockId && event.status !== 'running').map((event) => (event.type === 'execution.block' ? event.status : ''));
      expect(Object.fromEntries(['start', 'check', 'each', 'poet-a', 'poet-b', 'join', 'poems', 'nothing'].map((id) => [id, ended(id)]))).toEqual({
        start: ['completed'], check: ['completed'], each: ['completed'], 'poet-a': ['completed'], 'poet-b': ['completed'], join: ['completed'], poems: ['completed'], nothing: ['skipped'],
      });
      // The loop body ran once per word.
      const shouts = events.filter((event) => event.type === 'execution.block' && event.blockId === 'shout' && event.status === 'completed');
      expect(shouts.map((event) => (event.type === 'execution.block' ? event.output : null)).sort()).toEqual(['SEA', 'SKY']);
      // Both poets were running before either ended: they ran in parallel.
      const firstPoetEnd = events.findIndex((event) => event.type === 'execution.block' && event.blockId.startsWith('poet-') && event.status === 'completed');
      const poetStarts = events.filter((event, index) => index < firstPoetEnd && event.type === 'execution.block' && event.blockId.startsWith('poet-') && event.status === 'running');
      expect(poetStarts).toHaveLength(2);

      expect(chatRequests(harness.double)).toHaveLength(2);
      expect((await storedRecord(start.executionId)).status).toBe('completed');
    } finally {
      await client.close();
    }
  });

  it('cancels a run mid-way: it ends cancelled and the provider sees both requests aborted', async () => {
    const client = await connectWorkflow(harness.baseUrl, harness.admin.accessToken);
    try {
      const { executionId, end } = await runAndCancelAtPoets(client, harness.double, agentId, input);
      expect(end).toMatchObject({ executionId, status: 'cancelled' });
      expect(await harness.double.waitForAborted(2)).toHaveLength(2);
      const stored = await storedRecord(executionId);
      expect(stored.status).toBe('cancelled');
      expect(stored.blocks['poet-a']?.status).toBe('cancelled');
    } finally {
      await client.close();
    }
  });

  it('is triggered by API key: async (202, then polled) and with ?wait=true (200 with the record)', async () => {
    answerByPoet(harness.double);
    const { apiKey } = await createApiKey(harness.app, harness.admin.accessToken, [`execute:${agentId}`, 'read:executions']);
    const headers = { 'x-api-key': apiKey };
    const accepted = await harness.app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}`, headers, payload: { input } });
    expect(accepted.statusCode).toBe(202);
    const { executionId, status } = triggerAcceptedSchema.parse(accepted.json());
    expect(status).toBe('running');
    let polled: ExecutionRecord;
    do {
      polled = executionRecordSchema.parse((await harness.app.http.inject({ url: `/api/trigger/status/${executionId}`, headers })).json());
      if (polled.status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    } while (polled.status === 'running');
    expect(polled).toMatchObject({ id: executionId, agentId, trigger: 'api', status: 'completed', input, output: expectedOutput });

    const waited = await harness.app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}?wait=true`, headers: { authorization: `Bearer ${apiKey}` }, payload: { input } });
    expect(waited.statusCode).toBe(200);
    expect(executionRecordSchema.parse(waited.json())).toMatchObject({ agentId, trigger: 'api', status: 'completed', output: expectedOutput, blocks: { shout: { status: 'completed' }, nothing: { status: 'skipped' } } });
  });

  it('runs on its schedule when the (fake) clock reaches the cron time', async () => {
    answerByPoet(harness.double);
    const created = await harness.app.http.inject({
      method: 'POST', url: `/api/agents/${agentId}/schedule`, headers: bearer(harness.admin.accessToken),
      payload: { cronExpression: '0 * * * *', timezone: 'UTC', inputTemplate: input },
    });
    expect(created.statusCode).toBe(201);
    expect(await harness.app.agents.schedules.tick()).toBe(0);
    clock = new Date(base.getTime() + 5_000);
    expect(await harness.app.agents.schedules.tick()).toBe(1);
    expect(await harness.app.agents.schedules.tick()).toBe(0);
    const page = executionsPageSchema.parse((await harness.app.http.inject({ url: `/api/agents/${agentId}/executions?triggerType=schedule`, headers: bearer(harness.admin.accessToken) })).json());
    expect(page.total).toBe(1);
    // stop() waits for the runs the schedule started to be counted.
    await harness.app.agents.schedules.stop();
    expect(await finished(page.executions[0]!.id)).toMatchObject({ trigger: 'schedule', status: 'completed', input, output: expectedOutput });
  });

  it('runs from its signed inbound webhook', async () => {
    answerByPoet(harness.double);
    const { webhook, secret } = createWebhookResponseSchema.parse((await harness.app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/webhook`, headers: bearer(harness.admin.accessToken), payload: { signed: true } })).json());
    const body = JSON.stringify(input);
    const response = await harness.app.http.inject({
      method: 'POST', url: webhook.path, payload: body,
      headers: { 'content-type': 'application/json', 'x-claraverse-signature': `sha256=${createHmac('sha256', secret!).update(body).digest('hex')}` },
    });
    expect(response.statusCode).toBe(202);
    const { executionId } = triggerAcceptedSchema.parse(response.json());
    expect(await finished(executionId)).toMatchObject({ trigger: 'webhook', status: 'completed', output: expectedOutput });
  });

  it('is listed and called as a tool by the MCP SDK client at /mcp', async () => {
    answerByPoet(harness.double);
    const activated = await harness.app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}`, headers: bearer(harness.admin.accessToken), payload: { status: 'active', description: 'Writes two lines about some words.' } });
    expect(activated.statusCode).toBe(200);
    const { apiKey } = await createApiKey(harness.app, harness.admin.accessToken, ['mcp']);
    const client = new Client({ name: 'done-when', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${harness.baseUrl}/mcp`), { requestInit: { headers: { authorization: `Bearer ${apiKey}` } } }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['agent_poet_pair']);
      expect(tools[0]?.description).toBe('Writes two lines about some words.');
      const result = await client.callTool({ name: 'agent_poet_pair', arguments: { input } });
      expect(result.isError).toBeUndefined();
      const [content] = result.content as Array<{ type: string; text: string }>;
      expect(JSON.parse(content!.text)).toMatchObject({ status: 'completed', output: expectedOutput });
    } finally {
      await client.close();
    }
  });
});
