import { builtInBlockTypes, validateWorkflow } from '@claraverse/engine';
import { describe, expect, it } from 'vitest';
import { generationSystemPrompt, repairRequest, toolSelectionSystemPrompt } from './builder-prompts.js';
import { extractJson } from './extract-json.js';

describe('the builder prompts', () => {
  it('teach with an example workflow the engine accepts', () => {
    const prompt = generationSystemPrompt({ tools: '', toolsHeading: 'id — description — parameters' });
    const example = extractJson(prompt.split('Example (a support ticket triage, no tools):\n')[1] ?? '');
    expect(example).toMatchObject({ blocks: expect.any(Array) as unknown[] });
    expect(validateWorkflow(example, { knownBlockTypes: builtInBlockTypes, maxBlocks: 100 })).toEqual([]);
  });

  it('carry the current workflow only when modifying, and the tools they are given', () => {
    const create = generationSystemPrompt({ tools: '- calculate_math — Maths — parameters: none', toolsHeading: 'id — description — parameters' });
    expect(create).toContain('You design a new workflow');
    expect(create).toContain('Available tools (id — description — parameters):\n- calculate_math — Maths');
    const modify = generationSystemPrompt({ tools: '', toolsHeading: 'x', currentWorkflow: '{"blocks":[{"id":"kept-block"}]}' });
    expect(modify).toContain('You change an existing workflow');
    expect(modify).toContain('"kept-block"');
    expect(modify).toContain('(none: use llm_inference blocks without tools)');
    expect(toolSelectionSystemPrompt('## math\n- calculate_math: Maths')).toContain('## math\n- calculate_math: Maths');
  });

  it('list the problems of the repair round by block', () => {
    expect(repairRequest([{ blockId: 'b1', message: 'Cycle.' }, { message: 'No start.' }])).toMatch(/- \[block b1\] Cycle\.\n- No start\.$/);
  });
});
