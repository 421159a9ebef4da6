import { describe, expect, it } from 'vitest';
import { createEngine } from '../run/create-engine.js';
import { buildGraph } from '../test-support/build-graph.js';
import { createInMemoryPorts, textAnswer, toolAnswer, type InMemoryPortsScript } from '../test-support/in-memory-ports.js';

const tools = [
  { name: 'search_web', description: 'Search', parameters: { type: 'object' } },
  { name: 'send_email', description: 'Email', parameters: { type: 'object' } },
];

async function runAgentBlock(config: Record<string, unknown>, script: InMemoryPortsScript) {
  //  start ──▶ agent
  const workflow = buildGraph(['start -> agent']);
  Object.assign(workflow.blocks[1]!, { type: 'llm_inference', config });
  const { ports, calls } = createInMemoryPorts({ tools, sleepMode: 'instant', ...script });
  const result = await createEngine({ ports }).run(workflow, { userId: 'u', input: 'x' });
  return { result, calls, block: result.blocks['agent']! };
}

describe('llm_inference', () => {
  it('re-runs with a retry notice when a required tool was not called, then warns instead of failing', async () => {
    const { block, calls } = await runAgentBlock(
      { userPrompt: 'do it', enabledTools: ['search_web', 'send_email'], requiredTools: ['send_email'], maxRetries: 1 },
      { llm: (request) => (request.messages.some((message) => message.role === 'tool') ? textAnswer('done') : toolAnswer({ name: 'search_web', arguments: {} })), runTool: () => ({ output: 'ok' }) },
    );
    expect(block.status).toBe('completed');
    expect(block.output).toMatchObject({ _toolValidationWarning: 'Required tools were not called: send_email.' });
    const systemPrompts = calls.llm.map((call) => call.request.messages[0]!.content!);
    expect(systemPrompts.filter((prompt) => prompt.includes('RETRY (attempt 2): Required tools were not called: send_email.'))).toHaveLength(2);
    expect(systemPrompts[0]).toContain('REQUIRED TOOLS (call each of them): send_email');
    expect(calls.llm[0]!.request.temperature).toBe(0.3);
  });

  it('stops the agent loop at maxToolCalls with a partial result', async () => {
    let counter = 0;
    const { block, calls } = await runAgentBlock(
      { userPrompt: 'loop', enabledTools: ['search_web'], maxToolCalls: 3 },
      { llm: () => toolAnswer({ name: 'search_web', arguments: { page: (counter += 1) } }), runTool: () => ({ output: 'more' }) },
    );
    expect(calls.llm).toHaveLength(3);
    expect(block.output).toMatchObject({ iterations: 3, timedOut: false, _stoppedBecause: 'max_tool_calls' });
  });

  it('stops when the model repeats the same call in one turn', async () => {
    const { block } = await runAgentBlock(
      { userPrompt: 'loop', enabledTools: ['search_web'] },
      { llm: () => toolAnswer({ name: 'search_web', arguments: { q: 'a' } }, { name: 'search_web', arguments: { q: 'a' } }), runTool: () => ({ output: 'r' }) },
    );
    expect(block.output).toMatchObject({ _stoppedBecause: 'repeated_tool_call', toolCalls: [{ name: 'search_web' }] });
  });

  it('keeps a tool failure as a failed call the model sees, not a block failure', async () => {
    const { block, calls } = await runAgentBlock(
      { userPrompt: 'go', enabledTools: ['search_web'] },
      {
        llm: (request) => (request.messages.some((message) => message.role === 'tool') ? textAnswer('could not search') : toolAnswer({ name: 'search_web', arguments: {} })),
        runTool: () => ({ output: 'quota exceeded', isError: true }),
      },
    );
    expect(block.status).toBe('completed');
    expect(block.output).toMatchObject({ response: 'could not search', toolCalls: [{ error: 'quota exceeded' }] });
    expect(calls.llm[1]!.request.messages.at(-1)).toEqual({ role: 'tool', toolCallId: 'call-0', content: 'Error: quota exceeded' });
  });

  const schema = { type: 'object', properties: { city: { type: 'string' }, temp: { type: 'number' } }, required: ['city', 'temp'], additionalProperties: false };

  it('asks for a JSON Schema answer natively when no tools are used and accepts a valid one without repair', async () => {
    const { block, calls } = await runAgentBlock({ userPrompt: 'weather', outputSchema: schema }, { llm: () => textAnswer('```json\n{"city": "Oslo", "temp": 3.5}\n```') });
    expect(calls.llm).toHaveLength(1);
    expect(calls.llm[0]!.request.responseFormat).toEqual({ type: 'json_schema', name: 'output', schema });
    expect(block.output).toMatchObject({ data: { city: 'Oslo', temp: 3.5 }, response: { city: 'Oslo', temp: 3.5 }, city: 'Oslo' });
  });

  it('reports _formatError when the repair attempt still does not match, and fails with strictOutput', async () => {
    const { block, calls } = await runAgentBlock({ userPrompt: 'weather', outputSchema: schema }, { llm: () => textAnswer('{"city": "Oslo", "temp": "cold"}') });
    expect(calls.llm).toHaveLength(2);
    expect(calls.llm[1]!.request.messages[1]!.content).toContain('$.temp: expected number, got string');
    expect(block.output).toMatchObject({ _formatError: '$.temp: expected number, got string', data: { city: 'Oslo', temp: 'cold' } });
    const strict = await runAgentBlock({ userPrompt: 'weather', outputSchema: schema, strictOutput: true }, { llm: () => textAnswer('no json here') });
    expect(strict.block).toMatchObject({ status: 'failed', error: { code: 'OUTPUT_SCHEMA_MISMATCH' } });
  });

  it('fails clearly when an enabled tool does not exist for the user', async () => {
    const { block } = await runAgentBlock({ userPrompt: 'go', enabledTools: ['teleport'] }, { llm: () => textAnswer('x') });
    expect(block).toMatchObject({ status: 'failed', error: { code: 'TOOL_NOT_FOUND', message: 'These tools are not available: teleport.' } });
  });

  it('uses the start block workflowModelId instead of each block model', async () => {
    const workflow = buildGraph(['start -> agent']);
    Object.assign(workflow.blocks[0]!, { type: 'variable', config: { operation: 'read', variableName: 'input', workflowModelId: 'anthropic:fast' } });
    Object.assign(workflow.blocks[1]!, { type: 'llm_inference', config: { userPrompt: 'hi', model: 'openai:slow' } });
    const { ports, calls } = createInMemoryPorts({ llm: () => textAnswer('ok') });
    await createEngine({ ports }).run(workflow, { userId: 'u' });
    expect(calls.llm[0]!.request.model).toBe('anthropic:fast');
  });
});
