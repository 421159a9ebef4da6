import { describe, expect, it } from 'vitest';
import { blockModelId, blockSummary, modelLabel, type ModelName } from './block-summary';

const models: ModelName[] = [
  { id: '450bf35b-2741-4c1e-9d7a-5a4f0c2e1b01', name: 'gpt-4.1-mini', displayName: 'GPT-4.1 mini', providerName: 'OpenAI' },
  { id: '9c1d2e3f-0000-4000-8000-000000000002', name: 'llama3', displayName: 'Llama 3', providerName: 'Local Ollama' },
];

describe('blockModelId', () => {
  it('reads model, or modelId of older workflows, and treats blank as none', () => {
    expect(blockModelId({ model: 'a' })).toBe('a');
    expect(blockModelId({ modelId: 'b' })).toBe('b');
    expect(blockModelId({ model: 'a', modelId: 'b' })).toBe('a');
    expect(blockModelId({})).toBeUndefined();
    expect(blockModelId({ model: '  ' })).toBeUndefined();
    expect(blockModelId({ model: null })).toBeUndefined();
  });
});

describe('modelLabel', () => {
  it('names a model by display name and provider, found by instance id or by name', () => {
    expect(modelLabel('450bf35b-2741-4c1e-9d7a-5a4f0c2e1b01', models)).toBe('GPT-4.1 mini · OpenAI');
    expect(modelLabel('llama3', models)).toBe('Llama 3 · Local Ollama');
  });

  it('says "default model" when none is set and "unknown model" when the id is not among the models', () => {
    expect(modelLabel(undefined, models)).toBe('default model');
    expect(modelLabel(undefined, [])).toBe('default model');
    expect(modelLabel('0f0f0f0f-dead-4bee-8000-000000000000', models)).toBe('unknown model');
    expect(modelLabel('llama3', [])).toBe('unknown model');
  });
});

describe('blockSummary of an LLM block', () => {
  it('uses the model label it is given, with the number of tools', () => {
    const block = { type: 'llm_inference', config: { model: '450bf35b-2741-4c1e-9d7a-5a4f0c2e1b01', enabledTools: ['search_web', 'get_current_time'] } };
    expect(blockSummary(block, { model: 'GPT-4.1 mini · OpenAI' })).toBe('GPT-4.1 mini · OpenAI · 2 tools');
    expect(blockSummary({ type: 'llm_inference', config: { enabledTools: ['search_web'] } }, { model: 'default model' })).toBe('default model · 1 tool');
  });

  it('shows the stored id, or "default model", when no label is given (no API to name it)', () => {
    expect(blockSummary({ type: 'llm_inference', config: { model: 'gpt-4.1' } })).toBe('gpt-4.1');
    expect(blockSummary({ type: 'llm_inference', config: {} })).toBe('default model');
  });
});
