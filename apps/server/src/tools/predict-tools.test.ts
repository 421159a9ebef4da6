import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmClient } from '../providers/llm/create-llm-client.js';
import { startOpenAiDouble, type OpenAiDouble } from '../test/llm-doubles/openai-double.js';
import { defineTool } from './define-tool.js';
import { predictTools } from './predict-tools.js';
import { createToolRegistry } from './tool-registry.js';

const makeTool = (name: string, description: string) =>
  defineTool({ name, displayName: name, description, icon: 'Wrench', category: 'web', keywords: [], inputSchema: z.object({}), execute: async () => ({ result: null }) });
const tools = createToolRegistry({
  catalog: [makeTool('search_web', 'Searches the web for current information.'), makeTool('calculate_math', 'Evaluates a math expression.'), makeTool('get_current_time', 'Tells the current time in a timezone.')],
}).builtins().slice();

let double: OpenAiDouble;
beforeAll(async () => {
  double = await startOpenAiDouble({ apiKey: 'predictor-key' });
});
afterAll(() => double.close());

const llmClient = createLlmClient({ retry: { attempts: 1, baseDelayMs: 1 } });
const run = (turns: Array<{ role: string; content: string }>) =>
  predictTools({
    llmClient, tools, turns, maxTools: 2, signal: new AbortController().signal,
    target: { kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: 'predictor-key', model: 'router' },
  });

describe('the tool predictor', () => {
  it('keeps the tools the model picks, ignoring invented names, and shows it the catalogue and the recent turns', async () => {
    double.setScenario({ kind: 'reply', text: 'Sure:\n```json\n{"selected_tools": ["calculate_math", "teleport", "calculate_math"], "reasoning": "math"}\n```' });
    const turns = [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'What is 17 * 23?' }];
    const result = await run(turns);
    expect(result).toMatchObject({ predicted: true });
    expect(result.tools.map((tool) => tool.name)).toEqual(['calculate_math']);
    const body = JSON.stringify(double.requests.at(-1)?.body);
    expect(body).toContain('search_web: Searches the web');
    expect(body).toContain('What is 17 * 23?');
    expect(body).toContain('assistant: Hello!');
    expect(body).toContain('at most 2 tools');
  });

  it('may pick no tool at all, and never more than the limit', async () => {
    double.setScenario({ kind: 'reply', text: '{"selected_tools": [], "reasoning": "chit-chat"}' });
    expect((await run([{ role: 'user', content: 'Tell me a joke' }])).tools).toEqual([]);
    double.setScenario({ kind: 'reply', text: '{"selected_tools": ["search_web", "calculate_math", "get_current_time"]}' });
    expect((await run([{ role: 'user', content: 'Everything' }])).tools.map((tool) => tool.name)).toEqual(['search_web', 'calculate_math']);
  });

  it('falls back to every tool when the model fails or answers something that is not the JSON asked for', async () => {
    double.setScenario({ kind: 'reply', text: 'I think you need the calculator.' });
    expect(await run([{ role: 'user', content: 'Sum' }])).toEqual({ tools, predicted: false });
    double.setScenario({ kind: 'status', status: 500 });
    expect(await run([{ role: 'user', content: 'Sum' }])).toEqual({ tools, predicted: false });
  });
});
