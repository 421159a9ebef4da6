import { validateWorkflow, builtInBlockTypes } from '@claraverse/engine';
import { describe, expect, it } from 'vitest';
import { repairWorkflow, toNormalizedId } from './repair-workflow.js';

const tools = new Set(['web_search', 'get_current_time']);
const start = { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: { x: 250, y: 50 } };

describe('toNormalizedId', () => {
  it('makes kebab-case template roots', () => {
    expect(toNormalizedId('News Researcher!')).toBe('news-researcher');
    expect(toNormalizedId('  Résumé  Écrit ')).toBe('resume-ecrit');
    expect(toNormalizedId('!!!')).toBe('block');
  });
});

describe('repairWorkflow', () => {
  it('leaves a complete workflow as it is, with no repairs', () => {
    const workflow = {
      blocks: [start, { id: 'search', normalizedId: 'search', type: 'llm_inference', name: 'Search', config: { userPrompt: '{{input}}', enabledTools: ['web_search'] }, position: { x: 250, y: 200 } }],
      connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'search' }],
      variables: [],
    };
    const repaired = repairWorkflow(workflow, tools);
    expect(repaired.repairs).toEqual([]);
    expect(repaired.problems).toEqual([]);
    expect(repaired.workflow).toEqual(workflow);
  });

  it('fills ids, normalizedIds and names, renames duplicates, maps connections by name and lays out', () => {
    //   (no start) Summarize ──▶ Summarize ──▶ "ghost"
    const repaired = repairWorkflow({
      blocks: [
        { type: 'llm_inference', name: 'Summarize', config: { userPrompt: '{{input}}' } },
        { type: 'llm_inference', name: 'Summarize', config: { userPrompt: '{{summarize.response}}' } },
        { type: 'output', config: { value: '{{summarize-2.response}}' } },
      ],
      connections: [{ source: 'Summarize', target: 'summarize-2' }, { sourceBlockId: 'summarize-2', targetBlockId: 'ghost' }],
    }, tools);
    const { blocks, connections } = repaired.workflow;
    expect(blocks.map((block) => [block.id, block.normalizedId, block.name])).toEqual([
      ['start', 'start', 'Start'], ['summarize', 'summarize', 'Summarize'], ['summarize-2', 'summarize-2', 'Summarize 2'], ['output-3', 'output-3', 'Output 3'],
    ]);
    expect(connections).toEqual([
      { id: 'conn-1', sourceBlockId: 'summarize', targetBlockId: 'summarize-2' },
      { id: 'conn-start-summarize', sourceBlockId: 'start', targetBlockId: 'summarize' },
      { id: 'conn-start-output-3', sourceBlockId: 'start', targetBlockId: 'output-3' },
    ]);
    // Start on row 0, Summarize and the output on row 1, Summarize 2 on row 2.
    expect(blocks.map((block) => block.position)).toEqual([{ x: 250, y: 50 }, { x: 100, y: 200 }, { x: 250, y: 350 }, { x: 400, y: 200 }]);
    expect(repaired.repairs).toEqual(expect.arrayContaining([
      'Renamed the second block called "Summarize" to "Summarize 2".',
      'Dropped the connection from "summarize-2" to "ghost": "ghost" is not a block.',
      expect.stringMatching(/^Added a Start block \(text input\) feeding "Summarize", "Output 3"\.$/),
      'Laid the blocks out top-down.',
    ]));
    expect(validateWorkflow(repaired.workflow, { knownBlockTypes: builtInBlockTypes, maxBlocks: 100 })).toEqual([]);
  });

  it('drops unknown tools from LLM blocks and reports an unknown code_block tool as a problem', () => {
    const repaired = repairWorkflow({
      blocks: [start, { id: 'ask', normalizedId: 'ask', type: 'llm_inference', name: 'Ask', config: { enabledTools: ['web_search', 'teleport'], requiredTools: ['teleport'] }, position: { x: 0, y: 0 } },
        { id: 'call', normalizedId: 'call', type: 'code_block', name: 'Call', config: { toolName: 'teleport' }, position: { x: 0, y: 0 } }],
      connections: [{ id: 'a', sourceBlockId: 'start', targetBlockId: 'ask' }, { id: 'b', sourceBlockId: 'ask', targetBlockId: 'call' }],
    }, tools);
    expect(repaired.workflow.blocks[1]?.config).toEqual({ enabledTools: ['web_search'], requiredTools: [] });
    expect(repaired.repairs).toEqual([
      'Removed the unknown tool(s) "teleport" from enabledTools of block "Ask".',
      'Removed the unknown tool(s) "teleport" from requiredTools of block "Ask".',
    ]);
    expect(repaired.problems).toEqual([{ blockId: 'call', message: expect.stringContaining('"teleport", which does not exist') as string }]);
  });

  it('reports a document it cannot repair', () => {
    expect(repairWorkflow({ blocks: [] }, tools).problems).toEqual([{ message: 'blocks: the workflow has no blocks' }]);
    expect(repairWorkflow({ blocks: [{ name: 'x' }] }, tools).problems[0]?.message).toMatch(/^blocks\.0\.type: /);
    expect(repairWorkflow('nope', tools).problems).toHaveLength(1);
  });
});
