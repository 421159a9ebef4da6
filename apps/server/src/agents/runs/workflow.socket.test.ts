import { executionRecordSchema, workflowServerMessageSchema } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from '../../test/chat-harness.js';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { bearer } from '../../test/factories.js';
import { answerByPoet, chatRequests, connectWorkflow, createAgentWithWorkflow, poemBlocks, runAndCancelAtPoets, type WorkflowClient } from '../agents-test-support.js';

/**
 * start → condition (mode = poems) → two LLM blocks in parallel → merge → output "Poems"; the false branch loops
 * over `input.words` (body: upper-case each) → output "Shouted".
 */
function poemsWorkflow(modelId: string) {
  return {
    blocks: [
      ...poemBlocks(modelId, '{{input.topic}}'),
      { id: 'shouted', normalizedId: 'shouted', type: 'output', name: 'Shouted', config: { value: '{{each-word.results}}' } },
      { id: 'out', normalizedId: 'poems', type: 'output', name: 'Poems', config: { value: { a: '{{poet-a.response}}', b: '{{poet-b.response}}' } } },
    ],
    connections: [
      { id: 'c1', sourceBlockId: 'start', targetBlockId: 'check' },
      { id: 'c2', sourceBlockId: 'check', sourceOutput: 'true', targetBlockId: 'poet-a' },
      { id: 'c3', sourceBlockId: 'check', sourceOutput: 'true', targetBlockId: 'poet-b' },
      { id: 'c4', sourceBlockId: 'check', sourceOutput: 'false', targetBlockId: 'each' },
      { id: 'c8', sourceBlockId: 'each', sourceOutput: 'body', targetBlockId: 'shout' },
      { id: 'c9', sourceBlockId: 'each', sourceOutput: 'done', targetBlockId: 'shouted' },
      { id: 'c5', sourceBlockId: 'poet-a', targetBlockId: 'join' },
      { id: 'c6', sourceBlockId: 'poet-b', targetBlockId: 'join' },
      { id: 'c7', sourceBlockId: 'join', targetBlockId: 'out' },
    ],
    variables: [],
  };
}

const lastUserText = (request: RecordedRequest): string => {
  const messages = (request.body as { messages: Array<{ role: string; content: unknown }> }).messages;
  const content = messages.filter((message) => message.role === 'user').at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
};

let harness: ChatHarness;
let client: WorkflowClient;
let agentId: string;
beforeEach(async () => {
  harness = await startChatHarness();
  agentId = await createAgentWithWorkflow(harness.app, harness.admin.accessToken, poemsWorkflow(harness.modelId), 'Poems');
  client = await connectWorkflow(harness.baseUrl, harness.admin.accessToken);
});
afterEach(async () => {
  await client.close();
  await harness.close();
});


describe('WS /ws/workflow', () => {
  it('runs an agent with a condition and two parallel LLM blocks, streaming start, block events and end', async () => {
    answerByPoet(harness.double);
    client.send({ type: 'workflow.run', agentId, input: { mode: 'poems', topic: 'the sea' } });
    const start = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.start'));
    const end = await client.waitFor((message) => message.type === 'execution.end');
    expect(workflowServerMessageSchema.parse(end)).toMatchObject({ executionId: start.executionId, status: 'completed', output: { Poems: { a: 'Line A', b: 'Line B' } } });

    const requests = chatRequests(harness.double);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe('Bearer test-key');
      expect((request.body as { model: string }).model).toBe('test-model');
      const messages = (request.body as { messages: Array<{ role: string; content: string }> }).messages;
      expect(messages[0]?.role).toBe('system');
      expect(messages[0]?.content).toContain('You write one line.');
    }
    expect(requests.map(lastUserText).sort()).toEqual(['Write a line about the sea (A)', 'Write a line about the sea (B)']);

    const blockEvents = client.received.filter((message) => message.type === 'execution.block').map((message) => workflowServerMessageSchema.parse(message));
    const ended = new Map(blockEvents.filter((event) => event.type === 'execution.block' && event.status !== 'running').map((event) => [event.type === 'execution.block' ? event.blockId : '', event]));
    expect(Object.fromEntries([...ended].map(([id, event]) => [id, event.type === 'execution.block' ? event.status : '']))).toEqual({
      start: 'completed', check: 'completed', 'poet-a': 'completed', 'poet-b': 'completed', each: 'skipped', shout: 'skipped', shouted: 'skipped', join: 'completed', out: 'completed',
    });
    expect(blockEvents.every((event) => event.executionId === start.executionId)).toBe(true);

    const stored = await harness.app.http.inject({ url: `/api/executions/${start.executionId}`, headers: bearer(harness.admin.accessToken) });
    expect(executionRecordSchema.parse(stored.json())).toMatchObject({ status: 'completed', trigger: 'manual', blocks: { each: { status: 'skipped' }, shout: { status: 'skipped' }, 'poet-a': { status: 'completed', output: { response: 'Line A' } } } });
  });

  it('takes the other branch of the condition: a loop over the input, no LLM call', async () => {
    client.send({ type: 'workflow.run', agentId, input: { mode: 'words', words: ['sea', 'sky', 'sun'] } });
    const end = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.end'));
    expect(end).toMatchObject({ status: 'completed', output: { Shouted: ['SEA', 'SKY', 'SUN'] } });
    expect(chatRequests(harness.double)).toHaveLength(0);
    const shoutEnds = client.received.filter((message) => message.type === 'execution.block' && message.blockId === 'shout' && message.status === 'completed');
    expect(shoutEnds.map((message) => message.output).sort()).toEqual(['SEA', 'SKY', 'SUN']);
  });

  it('sends large block values as a truncation marker', async () => {
    client.send({ type: 'workflow.run', agentId, input: { mode: 'words', words: ['w'.repeat(300_000)] } });
    const end = await client.waitFor((message) => message.type === 'execution.end');
    expect(end).toMatchObject({ status: 'completed', output: { _truncated: true } });
    const started = await client.waitFor((message) => message.type === 'execution.block' && message.blockId === 'start' && message.status === 'completed');
    expect(started.output).toMatchObject({ _truncated: true, originalChars: expect.any(Number) });
    expect(JSON.stringify(started).length).toBeLessThan(300_000);
  });

  it('cancels a run: both provider calls are aborted and the run ends cancelled', async () => {
    const { executionId, end } = await runAndCancelAtPoets(client, harness.double, agentId, { mode: 'poems', topic: 'time' });
    expect(end).toMatchObject({ executionId, status: 'cancelled' });
    // The run's signal reached the LLM port: the provider saw both requests closed by the client.
    expect(await harness.double.waitForAborted(2)).toHaveLength(2);

    const stored = executionRecordSchema.parse((await harness.app.http.inject({ url: `/api/executions/${executionId}`, headers: bearer(harness.admin.accessToken) })).json());
    expect(stored.status).toBe('cancelled');
    expect(stored.blocks['poet-a']?.status).toBe('cancelled');
    expect(stored.blocks.out?.status).toBe('cancelled');
  });

  it('refuses another user’s agent, an unknown execution and bad messages with clear errors', async () => {
    client.send({ type: 'workflow.run', agentId: 'no-such-agent', input: {} });
    expect(await client.waitFor((message) => message.type === 'error')).toMatchObject({ code: 'not_found', details: { agentId: 'no-such-agent' } });
    client.send({ type: 'workflow.cancel', executionId: 'nope' });
    expect(await client.waitFor((message) => message.type === 'error' && message.code === 'not_found' && (message.details as { executionId?: string }).executionId === 'nope')).toBeTruthy();
    client.send({ type: 'workflow.run' });
    expect(await client.waitFor((message) => message.type === 'error' && message.code === 'validation_failed')).toBeTruthy();
  });
});
