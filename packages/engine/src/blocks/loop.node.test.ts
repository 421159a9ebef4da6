import { describe, expect, it } from 'vitest';
import { createEngine } from '../run/create-engine.js';
import { buildGraph } from '../test-support/build-graph.js';
import { flush } from '../test-support/deferred.js';
import { createInMemoryPorts, hangUntilAborted } from '../test-support/in-memory-ports.js';
import type { Workflow } from '../workflow.schema.js';

const set = (workflow: Workflow, id: string, changes: Record<string, unknown>) => Object.assign(workflow.blocks.find((block) => block.id === id)!, changes);

describe('loop', () => {
  it('runs nested loops, each body seeing its own item', async () => {
    //  start ──▶ rows ─body─▶ cells ─body─▶ cell
    //             │             └─done─▶ row-sum
    //             └─done─▶ total
    const workflow = buildGraph(['start -> rows', 'rows -body-> cells', 'cells -body-> cell', 'cells -done-> row-sum', 'rows -done-> total'], { rows: 'loop', cells: 'loop' });
    set(workflow, 'rows', { config: { items: '{{input.matrix}}' } });
    set(workflow, 'cells', { config: { items: '{{item}}', concurrency: 3 } });
    set(workflow, 'cell', { config: { expression: 'item * 10' } });
    set(workflow, 'row-sum', { config: { expression: '$sum(cells.results)' } });
    set(workflow, 'total', { config: { expression: 'rows.results' } });
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: { matrix: [[1, 2], [3, 4, 5]] } });
    expect(result.status).toBe('completed');
    expect(result.blocks['total']!.output).toEqual([30, 120]);
    expect(result.blocks['cell']!.iteration).toEqual([1, 2]);
  });

  it('fails the loop when an iteration fails and stops the other iterations', async () => {
    //  start ──▶ each ─body─▶ work (fails on item 2; others hang until aborted)
    const workflow = buildGraph(['start -> each', 'each -body-> work'], { each: 'loop' });
    set(workflow, 'each', { config: { items: '{{input}}', concurrency: 3 } });
    set(workflow, 'work', { type: 'code_block', config: { toolName: 'work', argumentMapping: { n: '{{item}}' } } });
    const { ports, calls } = createInMemoryPorts({
      runTool: (request, signal) => {
        if (request.arguments['n'] === 2) throw new Error('item 2 is broken');
        return hangUntilAborted(signal);
      },
    });
    const result = await createEngine({ ports }).run(workflow, { userId: 'u', input: [1, 2, 3, 4] });
    await flush();
    expect(result.blocks['each']).toMatchObject({ status: 'failed', error: { code: 'LOOP_ITERATION_FAILED', message: 'Iteration 1 of loop "each" failed: item 2 is broken' } });
    expect(calls.tools.map((call) => call.request.arguments['n'])).toEqual([1, 2, 3]);
    expect(calls.tools.every((call) => call.signal.aborted)).toBe(true);
  });

  it('takes its items from a JSONata expression', async () => {
    //  start ──▶ each ─body─▶ shout
    const workflow = buildGraph(['start -> each', 'each -body-> shout'], { each: 'loop' });
    set(workflow, 'each', { config: { itemsExpression: 'input.users[active].name' } });
    set(workflow, 'shout', { config: { expression: '$uppercase(item)' } });
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const users = [
      { name: 'ada', active: true },
      { name: 'bob', active: false },
      { name: 'cy', active: true },
    ];
    expect((await engine.run(workflow, { userId: 'u', input: { users } })).blocks['each']!.output).toEqual({ results: ['ADA', 'CY'], count: 2 });
    expect((await engine.run(workflow, { userId: 'u', input: { users: [users[0]] } })).blocks['each']!.output).toEqual({ results: ['ADA'], count: 1 });
    expect((await engine.run(workflow, { userId: 'u', input: { users: [] } })).blocks['each']!.output).toEqual({ results: [], count: 0 });
  });

  it('refuses items that are not a list', async () => {
    const workflow = buildGraph(['start -> each', 'each -body-> work'], { each: 'loop' });
    set(workflow, 'each', { config: { items: '{{input.rows}}' } });
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: { rows: 'nope' } });
    expect(result.blocks['each']).toMatchObject({ status: 'failed', error: { code: 'LOOP_ITEMS_NOT_A_LIST' } });
  });

  it('honours a maxIterations below the engine cap', async () => {
    const workflow = buildGraph(['start -> each', 'each -body-> work'], { each: 'loop' });
    set(workflow, 'each', { config: { items: '{{input}}', maxIterations: 2 } });
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: [1, 2, 3] });
    expect(result.blocks['each']!.error?.message).toBe('Loop "each" got 3 items; at most 2 are allowed.');
  });
});

describe('variable set', () => {
  it('stores a value later blocks read as a variable', async () => {
    //  start ──▶ remember ──▶ use
    const workflow = buildGraph(['start -> remember', 'remember -> use']);
    workflow.variables.push({ name: 'city', type: 'string', defaultValue: 'Paris' });
    set(workflow, 'remember', { type: 'variable', config: { operation: 'set', variableName: 'city', valueExpression: 'input.city' } });
    set(workflow, 'use', { config: { expression: 'city & " / " & variables.city' } });
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: { city: 'Oslo' } });
    expect(result.blocks['remember']!.output).toEqual({ value: 'Oslo', city: 'Oslo' });
    expect(result.blocks['use']!.output).toBe('Oslo / Oslo');
  });

  it('checks the input of a json start block against its schema', async () => {
    const workflow = buildGraph([], { start: 'variable' }, ['start']);
    set(workflow, 'start', { config: { operation: 'read', variableName: 'input', inputType: 'json', jsonSchema: { type: 'object', required: ['email'] } } });
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, { userId: 'u', input: { name: 'x' } });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'INPUT_INVALID', message: "The input does not match the start block's schema: $.email: is required" });
  });

  it('accepts a file reference for a file start block and refuses anything else', async () => {
    const workflow = buildGraph([], {}, ['start']);
    set(workflow, 'start', { type: 'variable', config: { operation: 'read', variableName: 'input', inputType: 'file' } });
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const file = { file_id: 'f_123', filename: 'a.csv', mime_type: 'text/csv', size: 10 };
    expect((await engine.run(workflow, { userId: 'u', input: file })).output).toEqual({ start: { value: file, input: file } });
    for (const input of ['a.csv', { file_id: '../../etc/passwd' }, null]) {
      expect(engine.checkInput(workflow, input)).toMatchObject({ code: 'INPUT_INVALID' });
    }
  });
});
