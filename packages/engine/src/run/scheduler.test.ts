import { describe, expect, it } from 'vitest';
import { createInMemoryPorts, textAnswer } from '../test-support/in-memory-ports.js';
import { buildGraph } from '../test-support/build-graph.js';
import { deferred, flush, type Deferred } from '../test-support/deferred.js';
import type { LlmResponse } from '../ports.js';
import type { Workflow } from '../workflow.schema.js';
import { createEngine } from './create-engine.js';

/** Turns the named blocks into LLM blocks whose prompt is their id, so the test can answer each one. */
function withLlmBlocks(workflow: Workflow, ids: string[]): Workflow {
  for (const block of workflow.blocks) {
    if (ids.includes(block.id)) Object.assign(block, { type: 'llm_inference', config: { userPrompt: block.id } });
  }
  return workflow;
}

/** An LLM port that holds each answer until the test releases it; `started` lists prompts in call order. */
function gatedLlm() {
  const gates = new Map<string, Deferred<LlmResponse>>();
  const started: string[] = [];
  const gate = (prompt: string) => {
    if (!gates.has(prompt)) gates.set(prompt, deferred<LlmResponse>());
    return gates.get(prompt)!;
  };
  const llm = (request: { messages: { role: string; content: string | null }[] }) => {
    const prompt = request.messages[1]!.content!;
    started.push(prompt);
    return gate(prompt).promise;
  };
  return { llm, started, release: (prompt: string, text = `${prompt}!`) => gate(prompt).resolve(textAnswer(text)), fail: (prompt: string, error: unknown) => gate(prompt).reject(error) };
}

describe('scheduler: parallel branches', () => {
  it('starts independent branches together and joins when both are done', async () => {
    //          ┌──▶ left ──┐
    //  start ──┤           ├──▶ join
    //          └──▶ right ─┘
    const workflow = withLlmBlocks(buildGraph(['start -> left', 'start -> right', 'left -> join', 'right -> join']), ['left', 'right']);
    const gates = gatedLlm();
    const { ports } = createInMemoryPorts({ llm: gates.llm });
    const running = createEngine({ ports }).run(workflow, { userId: 'u' });
    await flush();
    expect(gates.started.sort()).toEqual(['left', 'right']);
    gates.release('right');
    await flush();
    gates.release('left');
    const result = await running;
    expect(result.status).toBe('completed');
    expect(result.blocks['join']!.inputs).toMatchObject({ left: { response: 'left!' }, right: { response: 'right!' } });
  });

  it('keeps to the concurrency limit', async () => {
    //          ┌──▶ a
    //  start ──┼──▶ b        (maxConcurrency 1)
    //          └──▶ c
    const workflow = withLlmBlocks(buildGraph(['start -> a', 'start -> b', 'start -> c']), ['a', 'b', 'c']);
    const gates = gatedLlm();
    const { ports } = createInMemoryPorts({ llm: gates.llm });
    const running = createEngine({ ports, maxConcurrency: 1 }).run(workflow, { userId: 'u' });
    await flush();
    expect(gates.started).toHaveLength(1);
    gates.release(gates.started[0]!);
    await flush();
    expect(gates.started).toHaveLength(2);
    gates.release(gates.started[1]!);
    await flush();
    gates.release(gates.started[2]!);
    expect((await running).status).toBe('completed');
  });
});

describe('scheduler: merge', () => {
  it('in first mode runs at the first arrival and ignores the later one', async () => {
    //          ┌──▶ fast ──┐
    //  start ──┤           ├──▶ first (merge: first) ──▶ after
    //          └──▶ slow ──┘
    const workflow = withLlmBlocks(buildGraph(['start -> fast', 'start -> slow', 'fast -> first', 'slow -> first', 'first -> after']), ['fast', 'slow']);
    workflow.blocks.find((block) => block.id === 'first')!.type = 'merge';
    workflow.blocks.find((block) => block.id === 'first')!.config = { mode: 'first' };
    workflow.blocks.find((block) => block.id === 'after')!.config = { expression: 'first.value.response' };
    const gates = gatedLlm();
    const { ports } = createInMemoryPorts({ llm: gates.llm });
    const running = createEngine({ ports }).run(workflow, { userId: 'u' });
    await flush();
    gates.release('fast');
    await flush();
    const events: string[] = [];
    gates.release('slow');
    const result = await running;
    events.push(result.blocks['after']!.output as string);
    expect(result.blocks['first']!.output).toMatchObject({ from: 'fast', value: { response: 'fast!' } });
    expect(events).toEqual(['fast!']);
    expect(result.blocks['after']!.endedAt!).toBeLessThan(result.blocks['slow']!.endedAt!);
  });
});

describe('scheduler: error policies', () => {
  //          ┌──▶ broken ──▶ uses-broken
  //  start ──┤
  //          └──▶ fine ──▶ uses-fine
  const graph = () => {
    const workflow = buildGraph(['start -> broken', 'broken -> uses-broken', 'start -> fine', 'fine -> uses-fine']);
    workflow.blocks.find((block) => block.id === 'broken')!.config = { expression: '$error("boom")' };
    return workflow;
  };

  it('continue (the default): the failing branch stops, the other completes, the run is partial', async () => {
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(graph(), { userId: 'u' });
    expect(result.status).toBe('partial');
    expect(result.error).toMatchObject({ code: 'EXPRESSION_FAILED' });
    expect(result.blocks['broken']).toMatchObject({ status: 'failed', error: { code: 'EXPRESSION_FAILED', message: 'Expression failed: boom' } });
    expect(result.blocks['uses-broken']).toMatchObject({ status: 'skipped', skipReason: 'an input failed' });
    expect(result.blocks['uses-fine']!.status).toBe('completed');
  });

  it('stop: nothing starts after the failure', async () => {
    //  start ──▶ broken ──▶ next      (and a gated LLM branch that has not finished yet)
    //    └────▶ slow ──▶ after-slow
    const workflow = withLlmBlocks(buildGraph(['start -> broken', 'broken -> next', 'start -> slow', 'slow -> after-slow']), ['slow']);
    const broken = workflow.blocks.find((block) => block.id === 'broken')!;
    broken.config = { expression: '$error("boom")' };
    broken.onError = 'stop';
    const gates = gatedLlm();
    const running = createEngine({ ports: createInMemoryPorts({ llm: gates.llm }).ports }).run(workflow, { userId: 'u' });
    await flush();
    gates.release('slow');
    const result = await running;
    expect(result.blocks['slow']!.status).toBe('completed');
    expect(result.blocks['after-slow']).toMatchObject({ status: 'skipped', skipReason: 'run stopped' });
    expect(result.blocks['next']!.status).toBe('skipped');
    expect(result.status).toBe('partial');
  });

  it('error-branch: the error output fires with the error, the normal output does not, the run completes', async () => {
    //  start ──▶ broken ─error─▶ handle
    //              └─output─▶ normal
    const workflow = buildGraph(['start -> broken', 'broken -error-> handle', 'broken -> normal']);
    const broken = workflow.blocks.find((block) => block.id === 'broken')!;
    broken.config = { expression: '$error("boom")' };
    broken.onError = 'error-branch';
    workflow.blocks.find((block) => block.id === 'handle')!.config = { expression: '"handled: " & broken.error.message' };
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u' });
    expect(result.status).toBe('completed');
    expect(result.blocks['broken']!.status).toBe('failed');
    expect(result.blocks['handle']!.output).toBe('handled: Expression failed: boom');
    expect(result.blocks['normal']!.status).toBe('skipped');
  });

  it('fails the run when no block completed', async () => {
    const workflow = buildGraph([], {}, ['only']);
    workflow.blocks[0]!.config = { expression: '$error("nope")' };
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u' });
    expect(result.status).toBe('failed');
    expect(result.output).toEqual({});
  });
});

describe('scheduler: condition switch', () => {
  it('fires the matching case and skips the others and the default', async () => {
    //              ┌─gold──▶ vip
    //  start ─▶ tier┼─silver▶ regular
    //              └default▶ other
    const workflow = buildGraph(['start -> tier', 'tier -gold-> vip', 'tier -silver-> regular', 'tier -default-> other'], { tier: 'condition' });
    workflow.blocks.find((block) => block.id === 'tier')!.config = { expression: 'input.tier', cases: [{ value: 'gold' }, { value: 'silver' }] };
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const silver = await engine.run(workflow, { userId: 'u', input: { tier: 'silver' } });
    expect(['vip', 'regular', 'other'].map((id) => silver.blocks[id]!.status)).toEqual(['skipped', 'completed', 'skipped']);
    const unknown = await engine.run(workflow, { userId: 'u', input: { tier: 'bronze' } });
    expect(['vip', 'regular', 'other'].map((id) => unknown.blocks[id]!.status)).toEqual(['skipped', 'skipped', 'completed']);
  });
});

describe('scheduler: long chains', () => {
  it('skips and runs a 5,000-block chain without deep recursion', async () => {
    //  start ──▶ cond ─true─▶ b0 ──▶ b1 ──▶ … ──▶ b5000
    const edges = ['start -> cond', 'cond -true-> b0', ...Array.from({ length: 5_000 }, (_, index) => `b${index} -> b${index + 1}`)];
    const workflow = buildGraph(edges, { cond: 'condition' });
    const condition = workflow.blocks.find((block) => block.id === 'cond')!;
    const engine = createEngine({ ports: createInMemoryPorts().ports, maxBlocks: 10_000 });
    condition.config = { expression: 'false' };
    expect((await engine.run(structuredCopy(workflow), { userId: 'u' })).blocks['b5000']!.status).toBe('skipped');
    condition.config = { expression: 'true' };
    expect((await engine.run(structuredCopy(workflow), { userId: 'u' })).blocks['b5000']!.status).toBe('completed');
  });
});

/** A fresh object, so the engine's per-object prepare cache does not reuse the previous config. */
const structuredCopy = (workflow: Workflow): Workflow => JSON.parse(JSON.stringify(workflow)) as Workflow;

