import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import type { LlmRequest } from '../ports.js';
import { buildGraph } from '../test-support/build-graph.js';
import { flush } from '../test-support/deferred.js';
import { createInMemoryPorts, hangForever, hangUntilAborted, textAnswer, toolAnswer } from '../test-support/in-memory-ports.js';
import type { Block } from '../workflow.schema.js';
import { createEngine } from './create-engine.js';

const configure = (blocks: Block[], id: string, changes: Partial<Block>) => Object.assign(blocks.find((block) => block.id === id)!, changes);

describe('cancellation', () => {
  it('ends a run with a long delay and a hanging LLM call as cancelled, aborting the signals given to the ports', async () => {
    //          ┌──▶ wait (delay 1 h) ──▶ after-wait
    //  start ──┤
    //          └──▶ think (LLM that never answers) ──▶ after-think
    const workflow = buildGraph(['start -> wait', 'wait -> after-wait', 'start -> think', 'think -> after-think']);
    configure(workflow.blocks, 'wait', { type: 'delay', config: { durationMs: 3_600_000 }, timeoutSeconds: 7_200 });
    configure(workflow.blocks, 'think', { type: 'llm_inference', config: { userPrompt: 'think' } });
    const { ports, calls } = createInMemoryPorts({ llm: (_request, signal) => hangUntilAborted(signal) });
    const controller = new AbortController();
    const running = createEngine({ ports }).run(workflow, { userId: 'u', signal: controller.signal });
    await flush();
    expect(calls.llm).toHaveLength(1);
    const delaySleep = calls.sleep.find((sleep) => sleep.ms === 3_600_000)!;
    expect(delaySleep.signal.aborted).toBe(false);
    controller.abort();
    const result = await running;
    expect(result.status).toBe('cancelled');
    expect(result.error).toMatchObject({ code: 'RUN_CANCELLED' });
    expect(delaySleep.signal.aborted).toBe(true);
    expect(calls.llm[0]!.signal.aborted).toBe(true);
    expect(result.blocks['wait']!.status).toBe('cancelled');
    expect(result.blocks['think']!.status).toBe('cancelled');
    expect(result.blocks['after-wait']).toMatchObject({ status: 'cancelled', skipReason: 'run cancelled' });
  });

  it('ends even when a port ignores its signal', async () => {
    //  start ──▶ stuck (tool that never returns, ignoring the signal)
    const workflow = buildGraph(['start -> stuck']);
    configure(workflow.blocks, 'stuck', { type: 'code_block', config: { toolName: 'stuck' } });
    const { ports, calls } = createInMemoryPorts({ runTool: () => hangForever() });
    const controller = new AbortController();
    const running = createEngine({ ports }).run(workflow, { userId: 'u', signal: controller.signal });
    await flush();
    controller.abort();
    expect((await running).status).toBe('cancelled');
    expect(calls.tools[0]!.signal.aborted).toBe(true);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(buildGraph(['a -> b']), { userId: 'u', signal: AbortSignal.abort() });
    expect(result.status).toBe('cancelled');
    expect(result.blocks['a']!.status).toBe('cancelled');
  });
});

describe('timeouts', () => {
  it('fails a block when its timeout fires, with the default of 30 s', async () => {
    //  start ──▶ call (http that hangs)
    const workflow = buildGraph(['start -> call']);
    configure(workflow.blocks, 'call', { type: 'http_request', config: { url: 'https://x.example.test' } });
    const { ports, calls, fireSleeps } = createInMemoryPorts({ sleepMode: 'manual', http: (_request, signal) => hangUntilAborted(signal) });
    const running = createEngine({ ports }).run(workflow, { userId: 'u' });
    await flush();
    expect(calls.sleep.map((sleep) => sleep.ms)).toEqual([30_000]);
    fireSleeps(30_000);
    const result = await running;
    expect(result.blocks['call']).toMatchObject({ status: 'failed', error: { code: 'BLOCK_TIMEOUT', message: 'Block "call" timed out after 30 s.' } });
    expect(calls.http[0]!.signal.aborted).toBe(true);
  });

  it('gives an LLM block at least 120 s and returns its partial result with the tool results when it times out', async () => {
    //  start ──▶ agent (llm_inference, timeoutSeconds 10 → raised to 120; second model call hangs)
    const workflow = buildGraph(['start -> agent']);
    configure(workflow.blocks, 'agent', {
      type: 'llm_inference',
      timeoutSeconds: 10,
      config: { userPrompt: 'look it up', enabledTools: ['lookup'] },
    });
    let modelCalls = 0;
    const { ports, calls, fireSleeps } = createInMemoryPorts({
      sleepMode: 'manual',
      tools: [{ name: 'lookup', description: 'Look up', parameters: { type: 'object' } }],
      llm: (_request: LlmRequest, signal) => {
        modelCalls += 1;
        return modelCalls === 1 ? toolAnswer({ name: 'lookup', arguments: { q: 'x' } }) : hangUntilAborted(signal);
      },
      runTool: () => ({ output: 'found it' }),
    });
    const running = createEngine({ ports }).run(workflow, { userId: 'u' });
    await flush(60);
    expect(calls.llm).toHaveLength(2);
    expect(calls.sleep.map((sleep) => sleep.ms)).toEqual([120_000]);
    fireSleeps(120_000);
    const result = await running;
    expect(result.status).toBe('completed');
    expect(result.blocks['agent']!.output).toMatchObject({ timedOut: true, toolResults: { lookup: 'found it' }, _stoppedBecause: 'timeout' });
  });
});

describe('retries', () => {
  it('retries transient failures with exponential backoff and jitter from the injected random source', async () => {
    //  start ──▶ call (http: 503, 503, then 200)
    const workflow = buildGraph(['start -> call']);
    configure(workflow.blocks, 'call', { type: 'http_request', config: { url: 'https://x.example.test' }, retry: { maxRetries: 3, initialDelayMs: 1_000, backoffMultiplier: 2, jitterPercent: 20 } });
    let attempt = 0;
    const { ports, calls } = createInMemoryPorts({
      sleepMode: 'instant',
      random: () => 0,
      http: () => {
        attempt += 1;
        return attempt < 3 ? { status: 503, headers: {}, body: 'busy' } : { status: 200, headers: {}, body: 'ok' };
      },
    });
    const result = await createEngine({ ports }).run(workflow, { userId: 'u' });
    expect(result.blocks['call']).toMatchObject({ status: 'completed', attempts: 3, output: { status: 200, body: 'ok' } });
    expect(result.blocks['call']!.retryHistory.map((entry) => entry.error.code)).toEqual(['HTTP_STATUS', 'HTTP_STATUS']);
    // random 0 → jitter −20 %: 1,000 × 0.8 and 2,000 × 0.8.
    expect(calls.sleep.filter((sleep) => sleep.ms < 30_000).map((sleep) => sleep.ms)).toEqual([800, 1_600]);
  });

  it('does not retry a permanent failure', async () => {
    const workflow = buildGraph(['start -> call']);
    configure(workflow.blocks, 'call', { type: 'code_block', config: { toolName: 'strict' }, retry: { maxRetries: 3 } });
    const { ports, calls } = createInMemoryPorts({
      sleepMode: 'instant',
      runTool: () => {
        throw new EngineError('TOOL_BAD_ARGUMENTS', 'city is required');
      },
    });
    const result = await createEngine({ ports }).run(workflow, { userId: 'u' });
    expect(result.blocks['call']).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    expect(calls.tools).toHaveLength(1);
  });

  it('retries an LLM call that was rate limited, per the block retry policy', async () => {
    const workflow = buildGraph(['start -> agent']);
    configure(workflow.blocks, 'agent', { type: 'llm_inference', config: { userPrompt: 'hi', retryPolicy: { maxRetries: 2, initialDelay: 500 } } });
    let modelCalls = 0;
    const { ports, calls } = createInMemoryPorts({
      sleepMode: 'instant',
      llm: () => {
        modelCalls += 1;
        if (modelCalls === 1) throw Object.assign(new Error('rate limited'), { status: 429 });
        return textAnswer('hello');
      },
    });
    const result = await createEngine({ ports }).run(workflow, { userId: 'u' });
    expect(result.blocks['agent']!.output).toMatchObject({ response: 'hello', _retryInfo: { retriedCount: 1 } });
    expect(calls.sleep.filter((sleep) => sleep.ms < 30_000).map((sleep) => sleep.ms)).toEqual([500]);
  });
});
