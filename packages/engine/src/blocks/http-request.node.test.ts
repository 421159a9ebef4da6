import { describe, expect, it } from 'vitest';
import { createEngine } from '../run/create-engine.js';
import { buildGraph } from '../test-support/build-graph.js';
import { createInMemoryPorts } from '../test-support/in-memory-ports.js';

function httpWorkflow(config: Record<string, unknown>, type = 'http_request') {
  //  start ──▶ call
  const workflow = buildGraph(['start -> call']);
  Object.assign(workflow.blocks[1]!, { type, config });
  return workflow;
}

describe('http_request', () => {
  it('fails on a 4xx without retrying it, with the status in the error', async () => {
    const { ports, calls } = createInMemoryPorts({ http: () => ({ status: 404, headers: {}, body: 'no such user' }) });
    const workflow = httpWorkflow({ url: 'https://api.example.test/u/1' });
    workflow.blocks[1]!.retry = { maxRetries: 2 };
    const result = await createEngine({ ports }).run(workflow, { userId: 'u' });
    expect(result.blocks['call']).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'HTTP_STATUS', message: 'GET https://api.example.test/u/1 answered 404.', details: { status: 404, body: 'no such user' } } });
    expect(calls.http).toHaveLength(1);
  });

  it('returns any status when failOnStatus is false, and sends an object body as JSON', async () => {
    const { ports, calls } = createInMemoryPorts({ http: () => ({ status: 409, headers: { 'Content-Type': 'application/json' }, body: '{"conflict": true}' }) });
    const result = await createEngine({ ports }).run(httpWorkflow({ method: 'post', url: 'https://api.example.test/u', body: { name: '{{input.name}}' }, failOnStatus: false }), { userId: 'u', input: { name: 'Ada' } });
    expect(result.blocks['call']!.output).toEqual({ status: 409, headers: { 'Content-Type': 'application/json' }, body: { conflict: true } });
    expect(calls.http[0]!.request).toMatchObject({ method: 'POST', body: '{"name":"Ada"}' });
  });
});

describe('webhook', () => {
  it('posts JSON without a signature when no secret is referenced', async () => {
    const { ports, calls } = createInMemoryPorts({ http: () => ({ status: 200, headers: {}, body: '' }) });
    const result = await createEngine({ ports }).run(httpWorkflow({ url: 'https://hooks.example.test/x', body: { ok: true } }, 'webhook'), { userId: 'u' });
    expect(result.blocks['call']!.output).toEqual({ status: 200, body: '' });
    expect(calls.http[0]!.request).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
    expect(calls.signWebhook).toHaveLength(0);
  });
});
