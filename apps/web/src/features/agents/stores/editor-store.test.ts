import type { Workflow } from '@claraverse/engine';
import { describe, expect, it } from 'vitest';
import { blockNodeSize } from '../lib/auto-layout';
import { branchingWorkflow, counterIds, tenBlockWorkflow } from '../test/workflow-fixtures';
import { createEditorStore } from './editor-store';

const empty: Workflow = { blocks: [], connections: [], variables: [] };
const storeOf = (workflow: Workflow = empty) => createEditorStore(structuredClone(workflow), { idFactory: counterIds() });

describe('editor store: add', () => {
  it('adds a palette block with its default config, a unique name and a normalizedId derived from it', () => {
    const store = storeOf();
    const first = store.getState().addBlock('llm_inference', { x: 10, y: 20 });
    const second = store.getState().addBlock('llm_inference', { x: 10, y: 200 });
    const [a, b] = store.getState().workflow.blocks;
    expect(a).toMatchObject({ id: first, type: 'llm_inference', name: 'AI agent', normalizedId: 'ai-agent', position: { x: 10, y: 20 } });
    expect(a?.config).toMatchObject({ userPrompt: '{{input}}' });
    expect(b).toMatchObject({ id: second, name: 'AI agent 2', normalizedId: 'ai-agent-2' });
    expect(store.getState().selectedBlockIds).toEqual([second]);
    expect(store.getState().blocksById.get(second)?.name).toBe('AI agent 2');
    expect(store.getState().isDirty).toBe(true);
  });
});

describe('editor store: connect', () => {
  it('connects a condition from its true output and keeps the port', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().deleteConnections(['c2']);
    const result = store.getState().connect({ sourceBlockId: 'classify', sourceOutput: 'true', targetBlockId: 'happy' });
    expect(result.ok).toBe(true);
    expect(store.getState().workflow.connections.at(-1)).toMatchObject({ sourceBlockId: 'classify', sourceOutput: 'true', targetBlockId: 'happy' });
    expect(store.getState().validation.issues).toEqual([]);
  });

  it('connects a loop from body and done', () => {
    const store = storeOf();
    const loop = store.getState().addBlock('loop', { x: 0, y: 0 });
    const body = store.getState().addBlock('transform', { x: 0, y: 0 });
    const after = store.getState().addBlock('output', { x: 0, y: 0 });
    expect(store.getState().connect({ sourceBlockId: loop, sourceOutput: 'body', targetBlockId: body }).ok).toBe(true);
    expect(store.getState().connect({ sourceBlockId: loop, sourceOutput: 'done', targetBlockId: after }).ok).toBe(true);
    expect(store.getState().workflow.connections.map((c) => c.sourceOutput)).toEqual(['body', 'done']);
  });

  it.each([
    ['a self-loop', { sourceBlockId: 'happy', targetBlockId: 'happy' }, 'SELF_LOOP'],
    ['a duplicate', { sourceBlockId: 'start', targetBlockId: 'classify' }, 'DUPLICATE'],
    ['a cycle', { sourceBlockId: 'happy', targetBlockId: 'classify' }, 'CYCLE'],
    ['an output a condition does not have', { sourceBlockId: 'classify', sourceOutput: 'output', targetBlockId: 'sad' }, 'UNKNOWN_OUTPUT'],
    ['an input into the start block', { sourceBlockId: 'happy', targetBlockId: 'start' }, 'TARGET_TAKES_NO_INPUT'],
    ['a missing block', { sourceBlockId: 'nope', targetBlockId: 'happy' }, 'MISSING_BLOCK'],
  ])('refuses %s and leaves the workflow and history alone', (_name, request, reason) => {
    const store = storeOf(branchingWorkflow());
    const before = store.getState().workflow;
    const result = store.getState().connect(request);
    expect(result).toMatchObject({ ok: false, reason });
    expect(store.getState().workflow).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice).toEqual(expect.any(String));
  });

  it('refuses a longer cycle through several blocks', () => {
    const store = storeOf();
    const [a, b, c] = ['transform', 'transform', 'transform'].map((type) => store.getState().addBlock(type, { x: 0, y: 0 }));
    store.getState().connect({ sourceBlockId: a!, targetBlockId: b! });
    store.getState().connect({ sourceBlockId: b!, targetBlockId: c! });
    expect(store.getState().connect({ sourceBlockId: c!, targetBlockId: a! })).toMatchObject({ ok: false, reason: 'CYCLE' });
  });
});

describe('editor store: delete', () => {
  it('deletes a block with its connections', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().deleteBlocks(['classify']);
    expect(store.getState().workflow.blocks.map((b) => b.id)).toEqual(['start', 'happy', 'sad']);
    expect(store.getState().workflow.connections).toEqual([]);
  });

  it('deletes the selection (blocks and connections)', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().select({ blockIds: ['sad'], connectionIds: ['c1'] });
    store.getState().deleteSelection();
    expect(store.getState().workflow.connections.map((c) => c.id)).toEqual(['c2']);
    expect(store.getState().selectedBlockIds).toEqual([]);
  });

  it('ignores unknown ids without making an undo step', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().deleteBlocks(['nope']);
    store.getState().deleteConnections(['nope']);
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('editor store: undo and redo', () => {
  it('undoes and redoes each edit', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().deleteBlocks(['sad']);
    store.getState().renameBlock('happy', 'Glad');
    store.getState().undo();
    expect(store.getState().blocksById.get('happy')?.name).toBe('happy');
    store.getState().undo();
    expect(store.getState().workflow).toEqual(branchingWorkflow());
    store.getState().undo();
    expect(store.getState().workflow).toEqual(branchingWorkflow());
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().blocksById.get('happy')?.name).toBe('Glad');
    expect(store.getState().blocksById.has('sad')).toBe(false);
  });

  it('coalesces one drag into one step, and a new drag into another', () => {
    const store = storeOf(branchingWorkflow());
    for (const x of [10, 20, 30]) store.getState().moveBlocks([{ id: 'happy', position: { x, y: 0 } }], { dragging: true });
    store.getState().moveBlocks([{ id: 'happy', position: { x: 40, y: 0 } }], { dragging: false });
    store.getState().moveBlocks([{ id: 'happy', position: { x: 90, y: 0 } }], { dragging: false });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().blocksById.get('happy')?.position).toEqual({ x: 40, y: 0 });
    store.getState().undo();
    expect(store.getState().blocksById.get('happy')?.position).toEqual({ x: 0, y: 0 });
  });

  it('makes no undo step for a move that moves nothing (a click on a block)', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().moveBlocks([{ id: 'happy', position: { x: 0, y: 0 } }], { dragging: false });
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().isDirty).toBe(false);
  });

  it('coalesces typing in one config field, and a new edit clears redo', () => {
    const store = storeOf(branchingWorkflow());
    for (const value of ['n', 'no', 'nope']) store.getState().updateConfig('sad', { value });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().updateConfig('happy', { value: 'yes' });
    expect(store.getState().future).toHaveLength(0);
  });

  it('drops a selection that an undo removed', () => {
    const store = storeOf();
    const id = store.getState().addBlock('delay', { x: 0, y: 0 });
    expect(store.getState().selectedBlockIds).toEqual([id]);
    store.getState().undo();
    expect(store.getState().selectedBlockIds).toEqual([]);
  });
});

describe('editor store: rename and config', () => {
  it('renames a block, its normalizedId and the templates that point at it', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().updateConfig('sad', { value: 'was {{classify.result}}' });
    store.getState().renameBlock('classify', 'Score check');
    expect(store.getState().blocksById.get('classify')).toMatchObject({ name: 'Score check', normalizedId: 'score-check' });
    expect(store.getState().blocksById.get('sad')?.config['value']).toBe('was {{score-check.result}}');
    expect(store.getState().validation.issues).toEqual([]);
  });

  it('keeps normalizedIds unique on rename', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().renameBlock('sad', 'happy');
    expect(store.getState().blocksById.get('sad')?.normalizedId).toBe('happy-2');
  });

  it('removes a config key set to undefined and block settings set to undefined', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().updateBlock('happy', { timeoutSeconds: 5, onError: 'stop' });
    store.getState().updateBlock('happy', { timeoutSeconds: undefined });
    store.getState().updateConfig('start', { inputType: undefined });
    expect(store.getState().blocksById.get('happy')).not.toHaveProperty('timeoutSeconds');
    expect(store.getState().blocksById.get('happy')?.onError).toBe('stop');
    expect(store.getState().blocksById.get('start')?.config).not.toHaveProperty('inputType');
  });
});

describe('editor store: copy and paste', () => {
  it('pastes copies with new ids and names, offset, with their internal connections only', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().select({ blockIds: ['classify', 'happy'] });
    store.getState().copySelection();
    store.getState().paste();
    const { workflow, selectedBlockIds } = store.getState();
    expect(selectedBlockIds).toEqual(['block-1', 'block-2']);
    expect(workflow.blocks.slice(-2)).toMatchObject([
      { id: 'block-1', name: 'classify 2', normalizedId: 'classify-2', position: { x: 40, y: 40 } },
      { id: 'block-2', name: 'happy 2', normalizedId: 'happy-2' },
    ]);
    expect(workflow.connections.slice(3)).toEqual([{ id: 'connection-1', sourceBlockId: 'block-1', sourceOutput: 'true', targetBlockId: 'block-2' }]);
    store.getState().paste();
    expect(store.getState().blocksById.get('block-3')).toMatchObject({ name: 'classify 3', position: { x: 80, y: 80 } });
  });

  it('points templates among pasted blocks at the copies, and others at the originals', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().updateConfig('happy', { value: '{{classify.result}} for {{start.value}}' });
    store.getState().select({ blockIds: ['classify', 'happy'] });
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().blocksById.get('block-2')?.config['value']).toBe('{{classify-2.result}} for {{start.value}}');
    expect(store.getState().blocksById.get('happy')?.config['value']).toBe('{{classify.result}} for {{start.value}}');
  });

  it('does nothing with an empty clipboard', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('editor store: layout', () => {
  it('lays blocks out left to right, each column after its inputs, without overlaps', () => {
    const store = storeOf(tenBlockWorkflow());
    store.getState().autoLayout();
    const at = (id: string) => store.getState().blocksById.get(id)!.position;
    for (const connection of store.getState().workflow.connections) {
      expect(at(connection.targetBlockId).x).toBeGreaterThanOrEqual(at(connection.sourceBlockId).x + blockNodeSize.width);
    }
    const boxes = store.getState().workflow.blocks.map((b) => b.position);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlaps = Math.abs(a.x - b.x) < blockNodeSize.width && Math.abs(a.y - b.y) < blockNodeSize.height;
        expect(overlaps).toBe(false);
      }
    }
    store.getState().undo();
    expect(at('rank')).toEqual({ x: 0, y: 0 });
  });
});

describe('editor store: layout direction', () => {
  it('keeps output targets in port order: true before false, body before done, in both directions', () => {
    const store = storeOf(tenBlockWorkflow());
    const at = (id: string) => store.getState().blocksById.get(id)!.position;
    store.getState().autoLayout('TB');
    expect(store.getState().layoutDirection).toBe('TB');
    expect(at('fetch-feed').y).toBeGreaterThan(at('start').y);
    expect(at('summarize').x).toBeLessThan(at('rank').x);
    expect(at('alert-team').x).toBeLessThan(at('wait').x);
    store.getState().autoLayout('LR');
    expect(at('summarize').y).toBeLessThan(at('rank').y);
    expect(at('alert-team').y).toBeLessThan(at('wait').y);
  });

  it('infers top to bottom for a workflow laid out vertically, left to right otherwise', () => {
    const vertical = branchingWorkflow();
    vertical.blocks.forEach((b, index) => (b.position = { x: 250, y: 50 + index * 150 }));
    expect(storeOf(vertical).getState().layoutDirection).toBe('TB');
    expect(storeOf(branchingWorkflow()).getState().layoutDirection).toBe('LR');
  });
});

describe('editor store: validation', () => {
  it('is clean for a valid workflow', () => {
    expect(storeOf(tenBlockWorkflow()).getState().validation.issues).toEqual([]);
  });

  it('keys missing config, unknown templates and bad JSONata by block', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().updateConfig('classify', { expression: 'input.score >' });
    store.getState().updateConfig('happy', { value: '{{nowhere.field}}' });
    const http = store.getState().addBlock('http_request', { x: 0, y: 0 });
    const { byBlock } = store.getState().validation;
    expect(byBlock.get('classify')?.map((issue) => issue.code)).toEqual(['INVALID_CONFIG']);
    expect(byBlock.get('happy')?.map((issue) => issue.code)).toEqual(['UNKNOWN_TEMPLATE_REFERENCE']);
    expect(byBlock.get(http)?.[0]?.message).toMatch(/url is required/);
    expect(byBlock.has('start')).toBe(false);
  });

  it('keeps the same issue list for a block whose issues did not change (its node does not re-render)', () => {
    const store = storeOf(branchingWorkflow());
    const http = store.getState().addBlock('http_request', { x: 0, y: 0 });
    const before = store.getState().validation.byBlock.get(http);
    store.getState().renameBlock('happy', 'Glad');
    expect(store.getState().validation.byBlock.get(http)).toBe(before);
    store.getState().updateConfig(http, { url: 'https://example.com' });
    expect(store.getState().validation.byBlock.has(http)).toBe(false);
  });

  it('reports a cycle in a loaded workflow on the blocks in it', () => {
    const workflow = branchingWorkflow();
    workflow.connections.push({ id: 'back', sourceBlockId: 'happy', targetBlockId: 'classify' });
    const { byBlock, issues } = storeOf(workflow).getState().validation;
    expect(issues.map((issue) => issue.code)).toContain('CYCLE');
    expect(byBlock.get('happy')?.map((issue) => issue.code)).toContain('CYCLE');
    expect(byBlock.get('classify')?.map((issue) => issue.code)).toContain('CYCLE');
  });
});

describe('editor store: run statuses', () => {
  it('sets and resets a block status', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().setBlockStatus('happy', 'running');
    expect(store.getState().statuses.get('happy')).toBe('running');
    store.getState().resetStatuses();
    expect(store.getState().statuses.size).toBe(0);
  });
});

describe('editor store: replace and server issues', () => {
  it('replaces the workflow as one undo step, clearing selection and statuses', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().select({ blockIds: ['classify'] });
    store.getState().setBlockStatus('classify', 'completed');
    store.getState().replaceWorkflow(tenBlockWorkflow());
    expect(store.getState().workflow.blocks).toHaveLength(tenBlockWorkflow().blocks.length);
    expect(store.getState().selectedBlockIds).toEqual([]);
    expect(store.getState().statuses.size).toBe(0);
    expect(store.getState().isDirty).toBe(true);
    store.getState().undo();
    expect(store.getState().workflow).toEqual(branchingWorkflow());
  });

  it('counts a replacement from the server as saved', () => {
    const store = storeOf(branchingWorkflow());
    store.getState().replaceWorkflow(tenBlockWorkflow(), { saved: true });
    expect(store.getState().isDirty).toBe(false);
  });

  it('shows server issues on their blocks until the next edit', () => {
    const store = storeOf(branchingWorkflow());
    const issue = { code: 'INVALID_CONFIG' as const, message: 'The server refused this block.', blockIds: ['classify'] };
    store.getState().showServerIssues([issue]);
    expect(store.getState().validation.byBlock.get('classify')).toEqual([issue]);
    expect(store.getState().validation.issues).toEqual([issue]);
    store.getState().showServerIssues([issue]);
    expect(store.getState().validation.issues).toHaveLength(1);
    store.getState().renameBlock('classify', 'Sort');
    expect(store.getState().validation.issues).toEqual([]);
  });
});
