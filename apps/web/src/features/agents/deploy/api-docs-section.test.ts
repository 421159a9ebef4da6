import type { Workflow } from '@claraverse/engine';
import { describe, expect, it } from 'vitest';
import { block, branchingWorkflow } from '../test/workflow-fixtures';
import { describeAgentInput, describeAgentOutput } from './api-docs-section';

const withStart = (config: Record<string, unknown>): Workflow => ({ blocks: [block('start', 'variable', { operation: 'read', variableName: 'input', ...config })], connections: [], variables: [] });

describe('describeAgentInput', () => {
  it('reads the input type, an example and the schema from the start block', () => {
    const schema = { type: 'object', properties: { score: { type: 'number' } } };
    expect(describeAgentInput(withStart({ inputType: 'json', jsonValue: { score: 7 }, jsonSchema: schema }))).toEqual({ type: 'json', example: { input: { score: 7 } }, schema });
    expect(describeAgentInput(withStart({ inputType: 'text', defaultValue: 'Summarise this' }))).toEqual({ type: 'text', example: { input: 'Summarise this' }, schema: undefined });
    expect(describeAgentInput(withStart({ inputType: 'file' })).type).toBe('file');
    expect(describeAgentInput({ blocks: [], connections: [], variables: [] }).type).toBe('none');
  });
});

describe('describeAgentOutput', () => {
  it('names each output block with its value template', () => {
    expect(describeAgentOutput(branchingWorkflow())).toEqual({ happy: 'yes {{input.score}}', sad: 'no' });
  });
});
