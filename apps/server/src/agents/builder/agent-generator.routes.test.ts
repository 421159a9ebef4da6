import {
  agentResponseSchema, apiErrorSchema, generationFailedDetailsSchema, generationResultSchema, generationV2ResultSchema, selectToolsResponseSchema,
  workflowResponseSchema, workflowVersionsResponseSchema, type SessionResponse,
} from '@claraverse/shared';
import { describe, expect, it } from 'vitest';
import { bearer, registerUser, setRegistrationMode } from '../../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow } from '../agents-test-support.js';
import { generatedWorkflow, generationAnswer, scriptAnswers, toolsInGenerationPrompt, useBuilderHarness } from './builder-test-support.js';

const harness = useBuilderHarness();
const { call } = harness;

async function newAgent(name = 'New agent'): Promise<string> {
  const response = await call('POST', '/api/agents', { name });
  return agentResponseSchema.parse(response.json()).agent.id;
}

const workflowOf = async (agentId: string) => workflowResponseSchema.parse((await call('GET', `/api/agents/${agentId}/workflow`)).json());

describe('the two-step generator', () => {
  it('selects tools, generates with only those tools, saves a version and names the new agent', async () => {
    const agentId = await newAgent();
    const script = scriptAnswers(harness.double, [
      JSON.stringify({ selectedTools: [{ toolId: 'search_web', reason: 'find news' }, { toolId: 'get_current_time', reason: 'today' }], reasoning: 'News needs the date and a search.' }),
      generationAnswer(generatedWorkflow(['search_web', 'get_current_time']), 'Searches today’s news and summarises it.', { suggestedName: 'News digest', suggestedDescription: 'Summarises today’s news.' }),
    ]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow-v2`, { message: 'Every morning, summarise the latest AI news', modelId: harness.modelId });
    expect(response.statusCode, response.body).toBe(200);
    const result = generationV2ResultSchema.parse(response.json());
    expect(result).toMatchObject({ action: 'create', version: 1, explanation: 'Searches today’s news and summarises it.', repairs: [], setupRequired: [], suggestedName: 'News digest' });
    expect(result.selectedTools.map((tool) => tool.toolId)).toEqual(['search_web', 'get_current_time']);
    expect(result.steps.map((step) => [step.stepNumber, step.status])).toEqual([[1, 'completed'], [2, 'completed']]);
    expect(result.steps[0]?.tools).toEqual(['search_web', 'get_current_time']);

    const [selection, generation] = script.prompts();
    expect(script.prompts()).toHaveLength(2);
    // Step 1 sees the catalogue by category; step 2 sees only the selected tools, with their parameters.
    expect(selection?.system).toContain('- search_web: ');
    expect(selection?.system).toContain('- calculate_math: ');
    expect(selection?.messages.at(-1)?.content).toBe('Every morning, summarise the latest AI news');
    expect(toolsInGenerationPrompt(generation?.system ?? '').sort()).toEqual(['get_current_time', 'search_web']);
    expect(generation?.system).not.toContain('calculate_math');
    expect(generation?.system).toContain('{{<normalizedId>.response}}');

    const saved = await workflowOf(agentId);
    expect(saved.version).toBe(1);
    expect(saved.workflow.blocks.map((block) => block['id'])).toEqual(['start', 'research', 'result']);
    const versions = workflowVersionsResponseSchema.parse((await call('GET', `/api/agents/${agentId}/workflow/versions`)).json());
    expect(versions.versions).toEqual([expect.objectContaining({ version: 1, description: 'Searches today’s news and summarises it.', blockCount: 3 })]);
    expect(agentResponseSchema.parse((await call('GET', `/api/agents/${agentId}`)).json()).agent).toMatchObject({ name: 'News digest', description: 'Summarises today’s news.' });
  });

  it('modifies the current workflow (the prompt carries it) and keeps a named agent’s name', async () => {
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, addOneWorkflow, 'Adder');
    const changed = generatedWorkflow();
    const script = scriptAnswers(harness.double, [generationAnswer(changed, 'Added a research step.', { suggestedName: 'Researcher' })]);
    const response = await call('POST', `/api/agents/${agentId}/generate-with-tools`, { message: 'Add a research step', selectedToolIds: [], currentWorkflow: addOneWorkflow, modelId: harness.modelId });
    expect(response.statusCode, response.body).toBe(200);
    const result = generationResultSchema.parse(response.json());
    expect(result).toMatchObject({ action: 'modify', version: 2, explanation: 'Added a research step.' });
    const [prompt] = script.prompts();
    expect(prompt?.system).toContain('You change an existing workflow');
    expect(prompt?.system).toContain('input.n + 1');
    expect(toolsInGenerationPrompt(prompt?.system ?? '')).toEqual([]);
    expect(agentResponseSchema.parse((await call('GET', `/api/agents/${agentId}`)).json()).agent.name).toBe('Adder');
  });

  it('drops unknown tool ids from the selection and from the selected ids, and says so', async () => {
    const agentId = await newAgent('Tools');
    scriptAnswers(harness.double, [JSON.stringify({ selected_tools: [{ tool_id: 'teleport', reason: 'x' }, { tool_id: 'calculate_math', reason: 'sums' }], reasoning: 'Maths.' })]);
    const selected = selectToolsResponseSchema.parse((await call('POST', `/api/agents/${agentId}/select-tools`, { message: 'Add up invoices' })).json());
    expect(selected.selectedTools).toEqual([{ toolId: 'calculate_math', name: 'calculate_math', category: expect.any(String) as string, reason: 'sums' }]);
    expect(selected.repairs).toEqual(['Dropped the tool "teleport" chosen by the model: no such tool.']);

    const script = scriptAnswers(harness.double, [generationAnswer(generatedWorkflow(['calculate_math']))]);
    const response = await call('POST', `/api/agents/${agentId}/generate-with-tools`, { message: 'Add up invoices', selectedToolIds: ['teleport', 'calculate_math'] });
    expect(response.statusCode, response.body).toBe(200);
    expect(generationResultSchema.parse(response.json()).repairs).toContain('Dropped the selected tool "teleport": no such tool.');
    expect(toolsInGenerationPrompt(script.prompts()[0]?.system ?? '')).toEqual(['calculate_math']);
  });

  it('lists tools that need a credential the user does not have', async () => {
    const agentId = await newAgent('Notifier');
    scriptAnswers(harness.double, [generationAnswer(generatedWorkflow(['send_slack_message']))]);
    const response = await call('POST', `/api/agents/${agentId}/generate-with-tools`, { message: 'Post it to Slack', selectedToolIds: ['send_slack_message'] });
    expect(response.statusCode, response.body).toBe(200);
    expect(generationResultSchema.parse(response.json()).setupRequired).toEqual([{ toolId: 'send_slack_message', integrationId: 'slack', integrationName: 'Slack' }]);
  });
});

describe('reading and repairing what the model returns', () => {
  it('accepts JSON in a markdown fence with prose around it (one step, whole catalogue)', async () => {
    const agentId = await newAgent('Fenced');
    const script = scriptAnswers(harness.double, [`Sure! Here is the workflow:\n\n\`\`\`json\n${generationAnswer(generatedWorkflow())}\n\`\`\`\n\nLet me know if you want changes.`]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Research a topic' });
    expect(response.statusCode, response.body).toBe(200);
    expect(generationResultSchema.parse(response.json())).toMatchObject({ action: 'create', version: 1, repairs: [] });
    // One step: the whole catalogue, by category, one line per tool.
    expect(toolsInGenerationPrompt(script.prompts()[0]?.system ?? '')).toEqual(expect.arrayContaining(['calculate_math', 'search_web', 'send_slack_message']));
    expect(script.prompts()[0]?.system).toContain('- calculate_math: ');
  });

  it('repairs ids, names and layout mechanically and records each repair', async () => {
    const agentId = await newAgent('Loose');
    const loose = {
      blocks: [
        { type: 'llm_inference', name: 'Summarize', config: { userPrompt: '{{input}}' } },
        { type: 'output', name: 'Result', config: { value: '{{summarize.response}}' } },
      ],
      connections: [{ source: 'Summarize', target: 'Result' }, { sourceBlockId: 'result', targetBlockId: 'nowhere' }],
    };
    scriptAnswers(harness.double, [generationAnswer(loose)]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Summarise text' });
    expect(response.statusCode, response.body).toBe(200);
    const result = generationResultSchema.parse(response.json());
    expect(result.workflow.blocks.map((block) => block['normalizedId'])).toEqual(['start', 'summarize', 'result']);
    expect(result.repairs).toEqual(expect.arrayContaining([
      'Dropped the connection from "result" to "nowhere": "nowhere" is not a block.',
      'Added a Start block (text input) feeding "Summarize".',
      'Laid the blocks out top-down.',
    ]));
  });

  const broken = {
    cycle: {
      workflow: { ...generatedWorkflow(), connections: [...generatedWorkflow().connections, { id: 'back', sourceBlockId: 'result', targetBlockId: 'research' }] },
      expected: /cycle/i, blockId: 'research',
    },
    'unknown block type': {
      workflow: { ...generatedWorkflow(), blocks: generatedWorkflow().blocks.map((block) => (block.id === 'research' ? { ...block, type: 'magic_ai' } : block)) },
      expected: /unknown type "magic_ai"/, blockId: 'research',
    },
    'dangling template': {
      workflow: { ...generatedWorkflow(), blocks: generatedWorkflow().blocks.map((block) => (block.id === 'result' ? { ...block, config: { value: '{{summary-writer.response}}' } } : block)) },
      expected: /summary-writer/, blockId: 'result',
    },
  };

  for (const [name, { workflow, expected, blockId }] of Object.entries(broken)) {
    it(`sends a ${name} back to the model once and saves the fixed workflow`, async () => {
      const agentId = await newAgent(`Repair ${name}`);
      const script = scriptAnswers(harness.double, [generationAnswer(workflow), generationAnswer(generatedWorkflow(), 'Fixed.')]);
      const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Research a topic' });
      expect(response.statusCode, response.body).toBe(200);
      const result = generationResultSchema.parse(response.json());
      expect(result.version).toBe(1);
      expect(result.repairs[0]).toMatch(/^Asked the model to fix \d+ problems?: /);
      const prompts = script.prompts();
      expect(prompts).toHaveLength(2);
      const repairTurn = prompts[1]?.messages.at(-1)?.content ?? '';
      expect(repairTurn).toContain('is not valid. Fix these problems');
      expect(repairTurn).toMatch(expected);
      expect(repairTurn).toContain(`[block ${blockId}]`);
      // The model's first answer is in the conversation it is asked to fix.
      expect(prompts[1]?.messages.at(-2)).toEqual({ role: 'assistant', content: generationAnswer(workflow) });
    });
  }

  it('answers 422 with the problems by block and saves nothing when the repair round fails too', async () => {
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, addOneWorkflow, 'Kept');
    const before = await workflowOf(agentId);
    scriptAnswers(harness.double, [generationAnswer(broken.cycle.workflow), `Still: ${generationAnswer(broken.cycle.workflow)}`]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Loop forever', currentWorkflow: addOneWorkflow });
    expect(response.statusCode).toBe(422);
    const error = apiErrorSchema.parse(response.json()).error;
    expect(error.code).toBe('generation_failed');
    expect(error.message).toMatch(/Nothing was saved/);
    const { problems } = generationFailedDetailsSchema.parse(error.details);
    expect(problems.map((problem) => problem.blockId)).toEqual(expect.arrayContaining(['research', 'result']));
    expect(problems.every((problem) => /cycle/i.test(problem.message))).toBe(true);
    const after = await workflowOf(agentId);
    expect(after.version).toBe(before.version);
    expect(after.workflow).toEqual(before.workflow);
    expect(workflowVersionsResponseSchema.parse((await call('GET', `/api/agents/${agentId}/workflow/versions`)).json()).versions).toEqual([]);
  });

  it('reports the steps with a 422 from the two-step generator', async () => {
    const agentId = await newAgent('Two steps fail');
    scriptAnswers(harness.double, [
      JSON.stringify({ selectedTools: [{ toolId: 'calculate_math', reason: 'sums' }], reasoning: 'Maths.' }),
      generationAnswer(broken['unknown block type'].workflow), generationAnswer(broken['unknown block type'].workflow),
    ]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow-v2`, { message: 'Add numbers' });
    expect(response.statusCode).toBe(422);
    const details = generationFailedDetailsSchema.parse(apiErrorSchema.parse(response.json()).error.details);
    expect(details.problems).toEqual([{ blockId: 'research', message: expect.stringContaining('magic_ai') as string }]);
    expect(details.steps?.map((step) => [step.stepNumber, step.status])).toEqual([[1, 'completed'], [2, 'failed']]);
    expect(details.selectedTools?.map((tool) => tool.toolId)).toEqual(['calculate_math']);
    expect((await workflowOf(agentId)).version).toBe(0);
  });

  it('422s an answer that is not JSON at all, after asking once more', async () => {
    const agentId = await newAgent('Prose');
    const script = scriptAnswers(harness.double, ['I would build a workflow that searches the web.', 'Really, a search workflow.']);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Search' });
    expect(response.statusCode).toBe(422);
    expect(generationFailedDetailsSchema.parse(apiErrorSchema.parse(response.json()).error.details).problems).toEqual([{ message: expect.stringContaining('not one JSON object') as string }]);
    expect(script.prompts()).toHaveLength(2);
    expect((await workflowOf(agentId)).version).toBe(0);
  });
});

describe('generator requests', () => {
  it('refuse bad bodies with 400 and another user’s or an unknown agent with 404', async () => {
    const agentId = await newAgent('Guarded');
    for (const [url, payload] of [
      [`/api/agents/${agentId}/generate-workflow`, {}],
      [`/api/agents/${agentId}/generate-workflow`, { message: '   ' }],
      [`/api/agents/${agentId}/generate-workflow-v2`, { message: 'x'.repeat(10_001) }],
      [`/api/agents/${agentId}/generate-with-tools`, { message: 'x' }],
      [`/api/agents/${agentId}/select-tools`, { message: 'x', extra: true }],
      [`/api/agents/${agentId}/generate-with-tools`, { message: 'x', selectedToolIds: [], currentWorkflow: { blocks: 'no' } }],
    ] as const) {
      const response = await call('POST', url, payload);
      expect(response.statusCode, `${url} ${JSON.stringify(payload).slice(0, 80)}`).toBe(400);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('validation_failed');
    }
    await setRegistrationMode(harness.app, harness.token, 'open');
    const otherToken = (await registerUser(harness.app)).json<SessionResponse>().accessToken;
    for (const path of ['select-tools', 'generate-workflow', 'generate-workflow-v2']) {
      const response = await harness.app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/${path}`, headers: bearer(otherToken), payload: { message: 'steal' } });
      expect(response.statusCode, path).toBe(404);
    }
    expect((await call('POST', '/api/agents/no-such-agent/generate-workflow', { message: 'x' })).statusCode).toBe(404);
  });

  it('refuse a current workflow too large for the model, before calling it', async () => {
    const agentId = await newAgent('Huge');
    const script = scriptAnswers(harness.double, []);
    const blocks = Array.from({ length: 1_500 }, (_, index) => ({ id: `b${index}`, normalizedId: `b${index}`, type: 'delay', name: `Wait ${index}`, description: 'x'.repeat(150), config: { durationMs: 1 } }));
    const response = await call('POST', `/api/agents/${agentId}/generate-with-tools`, { message: 'Tidy up', selectedToolIds: [], currentWorkflow: { blocks, connections: [] } });
    expect(response.statusCode).toBe(400);
    expect(apiErrorSchema.parse(response.json()).error.message).toMatch(/too large for the AI builder/);
    expect(script.prompts()).toEqual([]);
  });

  it('give the model the builder conversation as context when conversationId is given', async () => {
    const agentId = await newAgent('With history');
    const conversation = (await call('GET', `/api/agents/${agentId}/conversations/current`)).json<{ conversation: { id: string } }>().conversation;
    await call('POST', `/api/agents/${agentId}/conversations/${conversation.id}/messages`, { role: 'user', content: 'It is for my team in Lisbon' });
    await call('POST', `/api/agents/${agentId}/conversations/${conversation.id}/messages`, { role: 'assistant', content: 'Noted: Lisbon.' });
    const script = scriptAnswers(harness.double, [generationAnswer(generatedWorkflow())]);
    const response = await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'Now build it', conversationId: conversation.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(script.prompts()[0]?.messages).toEqual([
      { role: 'user', content: 'It is for my team in Lisbon' }, { role: 'assistant', content: 'Noted: Lisbon.' }, { role: 'user', content: 'Now build it' },
    ]);
    expect((await call('POST', `/api/agents/${agentId}/generate-workflow`, { message: 'x', conversationId: 'missing' })).statusCode).toBe(404);
  });
});
