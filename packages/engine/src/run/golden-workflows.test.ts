import { describe, expect, it } from 'vitest';
import conditionBranches from '../__fixtures__/workflows/condition-branches.json' with { type: 'json' };
import ioBlocks from '../__fixtures__/workflows/io-blocks.json' with { type: 'json' };
import loopOverItems from '../__fixtures__/workflows/loop-over-items.json' with { type: 'json' };
import parallelLlm from '../__fixtures__/workflows/parallel-llm-with-tools.json' with { type: 'json' };
import simpleTransform from '../__fixtures__/workflows/simple-transform.json' with { type: 'json' };
import type { HttpPortResponse } from '../ports.js';
import { createInMemoryPorts, textAnswer, toolAnswer } from '../test-support/in-memory-ports.js';
import { workflowSchema, type Workflow } from '../workflow.schema.js';
import { createEngine } from './create-engine.js';

const load = (fixture: unknown): Workflow => workflowSchema.parse(fixture);

describe('golden workflow: variable → transform → output', () => {
  it('adds one to the input and names the result after the output block', async () => {
    const { ports } = createInMemoryPorts();
    const events: string[] = [];
    const result = await createEngine({ ports }).run(load(simpleTransform), {
      userId: 'user-1',
      input: { n: 41 },
      hooks: {
        onRunStart: () => void events.push('run-start'),
        onBlockStart: (record) => void events.push(`start:${record.normalizedId}`),
        onBlockEnd: (record) => void events.push(`end:${record.normalizedId}:${record.status}`),
        onRunEnd: (run) => void events.push(`run-end:${run.status}`),
      },
    });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ Result: 42 });
    expect(result.blocks['b3']!.startedAt).toEqual(expect.any(Number));
    expect(result.blocks['b1']).toMatchObject({ status: 'completed', output: { value: { n: 41 }, input: { n: 41 } }, attempts: 1 });
    expect(result.blocks['b2']).toMatchObject({ status: 'completed', output: 42, inputs: { start: { value: { n: 41 }, input: { n: 41 } } } });
    expect(events).toEqual(['run-start', 'start:start', 'end:start:completed', 'start:add-one', 'end:add-one:completed', 'start:result', 'end:result:completed', 'run-end:completed']);
  });

  it('resolves templates by block id as well as by normalizedId', async () => {
    const workflow = load(simpleTransform);
    workflow.blocks[2]!.config = { value: '{{b2}} = {{add-one}}' };
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: { n: 1 } });
    expect(result.output).toEqual({ Result: '2 = 2' });
  });

  it('parses JSON text input for a json start block and refuses text that is not JSON', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const workflow = load(simpleTransform);
    expect((await engine.run(workflow, { userId: 'u', input: '{"n": 1}' })).output).toEqual({ Result: 2 });
    const bad = await engine.run(workflow, { userId: 'u', input: 'not json' });
    expect(bad.status).toBe('failed');
    expect(bad.error?.code).toBe('INPUT_INVALID');
    expect(bad.blocks['b2']).toMatchObject({ status: 'skipped', skipReason: 'an input failed' });
  });
});

describe('golden workflow: condition with branches and a merge', () => {
  it('runs the taken branch and skips the other branch and what only it reaches', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const result = await engine.run(load(conditionBranches), { userId: 'u', input: { score: 70, email: 'a@example.test' } });
    expect(result.status).toBe('completed');
    expect(result.blocks['check']!.output).toEqual({ result: true, branch: 'true' });
    expect(result.blocks['fail']).toMatchObject({ status: 'skipped', skipReason: 'branch not taken' });
    expect(result.blocks['notify']!.status).toBe('skipped');
    expect(result.output).toEqual({ Verdict: { pass: 'passed with 70' } });
  });

  it('takes the false branch with the variable threshold overridden', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const result = await engine.run(load(conditionBranches), { userId: 'u', input: { score: 70, email: 'a@example.test' }, variables: { threshold: 80 } });
    expect(result.blocks['pass']!.status).toBe('skipped');
    expect(result.output).toEqual({ Verdict: { 'notify-failure': { to: 'a@example.test', text: 'failed with 70' } } });
  });
});

describe('golden workflow: loop over items', () => {
  it('runs the body once per item and collects the results at the done output', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const orders = [
      { sku: 'A', qty: 2, unit: 5 },
      { sku: 'B', qty: 1, unit: 7 },
      { sku: 'C', qty: 3, unit: 1 },
    ];
    const result = await engine.run(load(loopOverItems), { userId: 'u', input: { orders } });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({
      Invoice: {
        lines: [
          { line: 1, sku: 'A', total: 10 },
          { line: 2, sku: 'B', total: 7 },
          { line: 3, sku: 'C', total: 3 },
        ],
        total: 20,
        summary: '3 lines, total 20',
      },
    });
    expect(result.blocks['label']!.iteration).toHaveLength(1);
  });

  it('refuses a list longer than the engine allows without running any iteration', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports, maxLoopIterations: 10_000 });
    const orders = Array.from({ length: 1_000_000 }, () => ({ sku: 'A', qty: 1, unit: 1 }));
    const result = await engine.run(load(loopOverItems), { userId: 'u', input: { orders } });
    expect(result.status).toBe('partial');
    expect(result.blocks['each']).toMatchObject({ status: 'failed', error: { code: 'LOOP_TOO_MANY_ITEMS' } });
    expect(result.blocks['price']).toMatchObject({ status: 'skipped', skipReason: 'not reached', attempts: 0 });
    expect(result.blocks['sum']!.status).toBe('skipped');
  });
});

describe('golden workflow: two parallel LLM blocks, tools and structured output', () => {
  it('runs both LLM blocks, the tool loop, the schema repair and the mapped tool call', async () => {
    const { ports, calls } = createInMemoryPorts({
      tools: [
        { name: 'search_web', description: 'Search the web', parameters: { type: 'object', properties: { query: { type: 'string' } } } },
        { name: 'send_slack_message', description: 'Post to Slack', parameters: { type: 'object' } },
      ],
      llm: (request) => {
        const prompt = request.messages.find((message) => message.role === 'user')?.content ?? '';
        if (prompt.startsWith('Write one line')) return textAnswer('Rivers run.');
        if (request.responseFormat !== undefined) return textAnswer('{"headline": "Rivers rise", "count": 3}');
        if (request.messages.some((message) => message.role === 'tool')) return textAnswer('The top story: Rivers rise (3 stories).');
        return toolAnswer({ name: 'search_web', arguments: { query: 'rivers' } });
      },
      runTool: (request) => (request.name === 'search_web' ? { output: JSON.stringify({ results: ['Rivers rise'] }) } : { output: '{"ok": true}' }),
    });
    const result = await createEngine({ ports }).run(load(parallelLlm), { userId: 'user-7', input: 'rivers' });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ Summary: { headline: 'Rivers rise', line: 'Rivers run.', posted: true } });
    const researcher = result.blocks['research']!.output as Record<string, unknown>;
    expect(researcher).toMatchObject({ data: { headline: 'Rivers rise', count: 3 }, headline: 'Rivers rise', iterations: 2, timedOut: false });
    expect(researcher['toolCalls']).toMatchObject([{ name: 'search_web', arguments: { query: 'rivers' } }]);
    const formatCall = calls.llm.find((call) => call.request.responseFormat !== undefined)!;
    expect(formatCall.request.temperature).toBe(0.1);
    const slack = calls.tools.find((call) => call.request.name === 'send_slack_message')!;
    expect(slack.request).toEqual({ userId: 'user-7', name: 'send_slack_message', arguments: { channel: '#news', text: 'Rivers rise / Rivers run.', count: 3 }, credentialIds: ['cred-slack'] });
    const researchCalls = calls.llm.filter((call) => call.request.messages[0]?.content?.includes('Find news'));
    expect(researchCalls[0]!.request.tools?.map((tool) => tool.name)).toEqual(['search_web']);
    expect(researchCalls[0]!.request.messages[1]!.content).toBe('Topic: rivers');
  });
});

describe('golden workflow: I/O blocks through their ports', () => {
  it('calls http, sandbox, sub-agent, delay and a signed webhook with the rendered values', async () => {
    const { ports, calls } = createInMemoryPorts({
      sleepMode: 'instant',
      http: (request): HttpPortResponse =>
        request.url.startsWith('https://api.')
          ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"name": "Ada"}' }
          : { status: 202, headers: {}, body: 'queued' },
      sandbox: () => ({ result: 30, stdout: '', stderr: '' }),
      runAgent: () => ({ status: 'completed', output: { tier: 'gold' } }),
    });
    const result = await createEngine({ ports }).run(load(ioBlocks), { userId: 'user-3', agentId: 'agent-main', input: { userId: 42 } });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ Done: 202 });
    expect(calls.http[0]!.request).toMatchObject({ userId: 'user-3', method: 'GET', url: 'https://api.example.test/users/42', headers: { accept: 'application/json' }, credentialId: 'cred-api', timeoutMs: 30_000 });
    expect(calls.sandbox[0]!.request).toMatchObject({ language: 'python', code: "result = len(input['name']) * 10", input: { name: 'Ada' } });
    expect(calls.runAgent[0]!.request).toEqual({ userId: 'user-3', agentId: 'agent-enricher', input: { name: 'Ada' }, depth: 1, callChain: ['agent-main'] });
    expect(calls.sleep.some((sleep) => sleep.ms === 250)).toBe(true);
    const webhook = calls.http[1]!.request;
    expect(JSON.parse(webhook.body!)).toEqual({ user: 'Ada', score: 30, tier: 'gold' });
    expect(webhook.headers['x-signature']).toMatch(/^sha256=signed\(agent-hook-secret:/);
    expect(calls.signWebhook[0]).toEqual({ body: webhook.body, secretRef: 'agent-hook-secret', agentId: 'agent-main' });
  });
});

describe('engine entry points', () => {
  it('checks a run input against the start block before running', () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const workflow = load(simpleTransform);
    expect(engine.checkInput(workflow, { n: 1 })).toBeUndefined();
    expect(engine.checkInput(workflow, 'not json')).toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('refuses to run an invalid workflow with the issues attached', async () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const workflow = load(simpleTransform);
    workflow.connections.push({ id: 'back', sourceBlockId: 'b3', targetBlockId: 'b1' });
    await expect(engine.run(workflow, { userId: 'u' })).rejects.toMatchObject({ code: 'WORKFLOW_INVALID', details: { issues: [{ code: 'CYCLE' }] } });
  });

  it('compiles once per cache key', () => {
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const first = engine.prepare(load(simpleTransform), 'agent-1:v1');
    expect(engine.prepare(load(simpleTransform), 'agent-1:v1')).toBe(first);
    expect(engine.prepare(load(simpleTransform), 'agent-1:v2')).not.toBe(first);
  });
});
