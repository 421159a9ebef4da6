import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineTool, type DynamicTool } from './define-tool.js';
import { maxModelResultChars, runToolCall } from './run-tool-call.js';
import { createTestToolContext } from './test-support.js';
import { createToolRegistry } from './tool-registry.js';

const addTool = defineTool({
  name: 'add_numbers',
  displayName: 'Add Numbers',
  description: 'Adds two numbers and returns the sum.',
  icon: 'Plus',
  category: 'math',
  keywords: ['sum'],
  inputSchema: z.object({ a: z.number().describe('first'), b: z.number().default(1) }),
  execute: async ({ a, b }) => ({ result: { sum: a + b } }),
});

const hangingTool = defineTool({
  name: 'hang_forever',
  displayName: 'Hang',
  description: 'Never answers, and ignores its abort signal.',
  icon: 'Clock',
  category: 'time',
  keywords: [],
  inputSchema: z.object({}),
  timeoutMs: 50,
  execute: () => new Promise(() => undefined),
});

const throwingTool = defineTool({
  name: 'explode',
  displayName: 'Explode',
  description: 'Throws an error every time it is called.',
  icon: 'Bomb',
  category: 'code',
  keywords: [],
  inputSchema: z.object({}),
  execute: () => Promise.reject(new Error('disk on fire')),
});

const plotTool = defineTool({
  name: 'draw',
  displayName: 'Draw',
  description: 'Returns a large result and a plot.',
  icon: 'Image',
  category: 'media',
  keywords: [],
  inputSchema: z.object({ size: z.number().int() }),
  execute: async ({ size }) => ({ result: { text: 'x'.repeat(size) }, plots: [{ format: 'png', data: 'iVBORw0KGgo=' }] }),
});

const askTool = defineTool({
  name: 'ask_person',
  displayName: 'Ask',
  description: 'Needs a person to answer a question.',
  icon: 'MessageCircleQuestion',
  category: 'interaction',
  keywords: [],
  interactive: true,
  inputSchema: z.object({}),
  execute: async () => ({ result: 'ok' }),
});

function dynamic(name: string, source = 'mcp:files'): DynamicTool {
  return {
    name, displayName: name, description: `Dynamic ${name}`, icon: 'Plug', category: 'mcp', keywords: [], source,
    inputJsonSchema: { type: 'object', properties: { path: { type: 'string' } } },
    execute: async (args) => ({ result: { echoed: args } }),
  };
}

describe('the tool registry', () => {
  it('gives built-in tools a JSON Schema of their zod input, and lists interactive tools only where asked', async () => {
    const registry = createToolRegistry({ catalog: [addTool, askTool] });
    const [add] = registry.builtins();
    expect(add?.inputJsonSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number', description: 'first' }, b: { type: 'number', default: 1 } },
      required: ['a'],
    });
    expect(add?.inputJsonSchema).not.toHaveProperty('$schema');
    expect((await registry.listForUser('u', { interactive: true })).map((tool) => tool.name)).toEqual(['add_numbers', 'ask_person']);
    expect((await registry.listForUser('u', { interactive: false })).map((tool) => tool.name)).toEqual(['add_numbers']);
  });

  it('adds dynamic tools per user; a failing source hides only its own tools; built-in names win', async () => {
    const errors: unknown[] = [];
    const registry = createToolRegistry({
      catalog: [addTool],
      dynamicSources: [
        { listTools: (userId) => (userId === 'alice' ? [dynamic('files__read'), dynamic('add_numbers')] : []) },
        { listTools: () => Promise.reject(new Error('bridge down')) },
        { listTools: () => [dynamic('files__read', 'bridge:other'), dynamic('notes__list', 'bridge:notes')] },
      ],
      onSourceError: (error) => errors.push(error),
    });
    const alice = await registry.listForUser('alice', { interactive: false });
    expect(alice.map((tool) => `${tool.name}@${tool.source}`)).toEqual(['add_numbers@builtin', 'files__read@mcp:files', 'notes__list@bridge:notes']);
    expect(errors).toHaveLength(1);
    const bob = await registry.listForUser('bob', { interactive: false });
    expect(bob.map((tool) => tool.name)).toEqual(['add_numbers', 'files__read', 'notes__list']);
  });
});

describe('running a tool call', () => {
  const registry = createToolRegistry({ catalog: [addTool, hangingTool, throwingTool, plotTool] });
  const tool = (name: string) => registry.builtins().find((candidate) => candidate.name === name);
  const context = createTestToolContext();

  it('validates the arguments, applies defaults and returns the result as JSON text for the model', async () => {
    const outcome = await runToolCall(tool('add_numbers'), { toolName: 'add_numbers', args: { a: 2 } }, context, 1_000);
    expect(outcome).toEqual({ status: 'completed', result: { sum: 3 }, plots: [], modelContent: '{"sum":3}' });
  });

  it('answers arguments that fail the schema with a message naming the field, so the model can retry', async () => {
    const outcome = await runToolCall(tool('add_numbers'), { toolName: 'add_numbers', args: { a: 'two' } }, context, 1_000);
    expect(outcome.status).toBe('failed');
    expect(outcome.modelContent).toMatch(/Invalid arguments for add_numbers: a: .*number/);
  });

  it('reports an unknown tool, a throwing tool and a hanging tool as failures without throwing', async () => {
    const unknown = await runToolCall(undefined, { toolName: 'rm_rf', args: {} }, context, 1_000);
    expect(unknown.modelContent).toContain('There is no tool named \\"rm_rf\\"');
    const thrown = await runToolCall(tool('explode'), { toolName: 'explode', args: {} }, context, 1_000);
    expect(thrown).toMatchObject({ status: 'failed', result: { error: 'Explode failed: disk on fire' } });
    const hung = await runToolCall(tool('hang_forever'), { toolName: 'hang_forever', args: {} }, context, 60_000);
    expect(hung).toMatchObject({ status: 'failed', result: { error: 'Hang did not finish within 50 ms and was stopped.' } });
  });

  it('stops when the reply is stopped', async () => {
    const controller = new AbortController();
    const pending = runToolCall(tool('hang_forever'), { toolName: 'hang_forever', args: {} }, { ...context, signal: controller.signal }, 60_000);
    controller.abort();
    expect(await pending).toMatchObject({ status: 'failed', result: { error: 'Stopped.' } });
  });

  it('keeps plots out of what the model reads and truncates long results', async () => {
    const outcome = await runToolCall(tool('draw'), { toolName: 'draw', args: { size: maxModelResultChars + 10 } }, context, 1_000);
    expect(outcome.plots).toEqual([{ format: 'png', data: 'iVBORw0KGgo=' }]);
    expect(outcome.modelContent).not.toContain('iVBORw0KGgo=');
    expect(outcome.modelContent.length).toBeLessThan(maxModelResultChars + 100);
    expect(outcome.modelContent).toMatch(/\[truncated: \d+ characters in all\]$/);
    const small = await runToolCall(tool('draw'), { toolName: 'draw', args: { size: 3 } }, context, 1_000);
    expect(JSON.parse(small.modelContent)).toEqual({ text: 'xxx', plotCount: 1, note: '1 image(s) were shown to the user.' });
  });
});
