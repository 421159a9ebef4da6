import type { Workflow } from '@claraverse/engine';
import { describe, expect, it } from 'vitest';
import { block, branchingWorkflow, connection } from '../test/workflow-fixtures';
import { describeField, diffWorkflows, fieldChanges, shortValue } from './workflow-diff';

describe('diffWorkflows', () => {
  it('finds nothing between a workflow and a copy of it, whatever the key order of the configs', () => {
    const copy = branchingWorkflow();
    copy.blocks = copy.blocks.map((item) => ({ ...item, config: Object.fromEntries(Object.entries(item.config).reverse()) }));
    const diff = diffWorkflows(branchingWorkflow(), copy);
    expect(diff.isEmpty).toBe(true);
    expect(diff.changedBlocks).toEqual([]);
  });

  it('lists added, removed and changed blocks (with which fields) and the rewired connections', () => {
    const before = branchingWorkflow();
    const after: Workflow = {
      blocks: [
        before.blocks[0]!,
        { ...before.blocks[1]!, name: 'Score check', config: { expression: 'input.score > 7' } },
        { ...before.blocks[2]!, position: { x: 40, y: 0 } },
        block('log', 'transform', { expression: 'input' }, { name: 'Log' }),
      ],
      connections: [connection('c1', 'start', 'classify'), connection('x2', 'classify', 'happy', 'true'), connection('c9', 'classify', 'log', 'false')],
      variables: [{ name: 'limit', type: 'number', defaultValue: 3 }],
    };
    const diff = diffWorkflows(before, after);
    expect(diff.addedBlocks.map((item) => item.id)).toEqual(['log']);
    expect(diff.removedBlocks.map((item) => item.id)).toEqual(['sad']);
    expect(diff.changedBlocks).toEqual([
      {
        blockId: 'classify', name: 'Score check', previousName: 'classify', type: 'condition', fields: ['name', 'config.expression'],
        changes: [{ field: 'name', before: 'classify', after: 'Score check' }, { field: 'config.expression', before: 'input.score > 5', after: 'input.score > 7' }],
      },
      { blockId: 'happy', name: 'happy', previousName: 'happy', type: 'output', fields: ['position'], changes: [{ field: 'position', before: { x: 0, y: 0 }, after: { x: 40, y: 0 } }] },
    ]);
    // c2 got a new id but the same wiring: not a change.
    expect(diff.addedConnections.map((item) => item.label)).toEqual(['Score check (false) → Log']);
    expect(diff.removedConnections.map((item) => item.label)).toEqual(['Score check (false) → sad']);
    expect(diff.variablesChanged).toBe(true);
    expect(diff.isEmpty).toBe(false);
  });

  it('sees a config key that was added or removed', () => {
    const before: Workflow = { blocks: [block('a', 'llm_inference', { model: 'm', temperature: 0.2 })], connections: [], variables: [] };
    const after: Workflow = { blocks: [block('a', 'llm_inference', { model: 'm', systemPrompt: 'Be brief' })], connections: [], variables: [] };
    expect(diffWorkflows(before, after).changedBlocks[0]?.fields).toEqual(['config.systemPrompt', 'config.temperature']);
  });
});

describe('fieldChanges and shortValue', () => {
  it('reads the old and new value of each changed field, short enough to show inline', () => {
    const before = block('a', 'llm_inference', { model: 'm', systemPrompt: 'Be brief' });
    const after = { ...block('a', 'llm_inference', { model: 'm', systemPrompt: 'Answer in one sentence, citing the source of every claim you make.' }), name: 'Writer' };
    expect(fieldChanges(before, after, ['name', 'config.systemPrompt'])).toEqual([
      { field: 'name', before: 'a', after: 'Writer' },
      { field: 'config.systemPrompt', before: 'Be brief', after: 'Answer in one sentence, citing the source of every claim you make.' },
    ]);
    expect(shortValue('Answer in one sentence, citing the source of every claim you make.', 20)).toBe('Answer in one sente…');
    expect(shortValue(undefined)).toBe('none');
    expect(shortValue(0.2)).toBe('0.2');
    expect(shortValue({ x: 1 })).toBeUndefined();
  });
});

describe('describeField', () => {
  it('reads config keys and block fields as words', () => {
    expect(describeField('config.systemPrompt')).toBe('system prompt');
    expect(describeField('position')).toBe('moved');
    expect(describeField('onError')).toBe('error policy');
    expect(describeField('name')).toBe('name');
  });
});
