import { apiErrorSchema, askAgentResponseSchema, sampleInputResponseSchema, workflowResponseSchema } from '@claraverse/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow } from '../agents-test-support.js';
import { generatedWorkflow, scriptAnswers, useBuilderHarness } from './builder-test-support.js';

const harness = useBuilderHarness();
const { call } = harness;

describe('generate-sample-input', () => {
  it('answers text for a text start block', async () => {
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, generatedWorkflow(), 'Researcher');
    const script = scriptAnswers(harness.double, ['"The latest developments in solid-state batteries"']);
    const response = await call('POST', `/api/agents/${agentId}/generate-sample-input`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(sampleInputResponseSchema.parse(response.json())).toEqual({ input: 'The latest developments in solid-state batteries' });
    expect(script.prompts()[0]?.system).toContain('Answer with the input text only');
    expect(script.prompts()[0]?.system).toContain('Research the topic.');
  });

  it('answers an object matching the JSON start block’s schema, from a fenced answer', async () => {
    const jsonSchema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false };
    const workflow = { ...addOneWorkflow, blocks: addOneWorkflow.blocks.map((block) => (block.id === 'b1' ? { ...block, config: { ...block.config, jsonSchema } } : block)) };
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, workflow, 'Adder');
    const script = scriptAnswers(harness.double, ['```json\n{"n": 41}\n```']);
    const response = await call('POST', `/api/agents/${agentId}/generate-sample-input`, { modelId: harness.modelId });
    expect(response.statusCode, response.body).toBe(200);
    expect(sampleInputResponseSchema.parse(response.json())).toEqual({ input: { n: 41 } });
    expect(script.prompts()[0]?.system).toContain(JSON.stringify(jsonSchema));

    scriptAnswers(harness.double, ['{"n": "forty-one"}']);
    const mismatch = await call('POST', `/api/agents/${agentId}/generate-sample-input`, {});
    expect(mismatch.statusCode).toBe(502);
    expect(apiErrorSchema.parse(mismatch.json()).error.message).toMatch(/sample input was unusable/);
  });

  it('refuses an agent without a workflow or with a file input', async () => {
    const empty = (await call('POST', '/api/agents', { name: 'Empty' })).json<{ agent: { id: string } }>().agent.id;
    expect((await call('POST', `/api/agents/${empty}/generate-sample-input`, {})).statusCode).toBe(400);
    const fileWorkflow = { ...addOneWorkflow, blocks: addOneWorkflow.blocks.map((block) => (block.id === 'b1' ? { ...block, config: { ...block.config, inputType: 'file' } } : block)) };
    const fileAgent = await createAgentWithWorkflow(harness.app, harness.token, fileWorkflow, 'Files');
    const response = await call('POST', `/api/agents/${fileAgent}/generate-sample-input`, {});
    expect(response.statusCode).toBe(400);
    expect(apiErrorSchema.parse(response.json()).error.message).toMatch(/upload a file/);
  });
});

describe('Ask mode', () => {
  it('answers from the workflow, the tools and a deploy example, changes nothing and logs neither question nor answer', async () => {
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, addOneWorkflow, 'Adder');
    const before = workflowResponseSchema.parse((await call('GET', `/api/agents/${agentId}/workflow`)).json());
    const script = scriptAnswers(harness.double, ['It adds one to n (question-answer-marker-9931).']);
    const question = 'What does my agent do with quokka-question-4417?';
    const response = await call('POST', `/api/agents/${agentId}/ask`, { message: question });
    expect(response.statusCode, response.body).toBe(200);
    expect(askAgentResponseSchema.parse(response.json())).toEqual({ answer: 'It adds one to n (question-answer-marker-9931).' });

    const [prompt] = script.prompts();
    expect(prompt?.messages).toEqual([{ role: 'user', content: question }]);
    expect(prompt?.system).toContain('input.n + 1');
    expect(prompt?.system).toContain('- calculate_math: ');
    expect(prompt?.system).toContain(`/api/trigger/${agentId}`);
    expect(prompt?.system).toContain('X-API-Key');

    const after = workflowResponseSchema.parse((await call('GET', `/api/agents/${agentId}/workflow`)).json());
    expect(after.version).toBe(before.version);
    const logs = harness.app.logLines.join('\n');
    expect(logs).not.toContain('quokka-question-4417');
    expect(logs).not.toContain('question-answer-marker-9931');
  });

  it('refuses bad bodies and unknown agents', async () => {
    const agentId = await createAgentWithWorkflow(harness.app, harness.token, addOneWorkflow, 'Asked');
    for (const payload of [{}, { message: '' }, { message: 'x', modelId: '' }, { message: 'x', other: 1 }]) {
      expect((await call('POST', `/api/agents/${agentId}/ask`, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await call('POST', '/api/agents/unknown-agent/ask', { message: 'x' })).statusCode).toBe(404);
  });
});

describe('the builder’s per-user limit', () => {
  it('answers 429 beyond 20 AI requests a minute when rate limits are on', async () => {
    const app = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
    try {
      const admin = await registerAdmin(app);
      const ask = () => app.http.inject({ method: 'POST', url: '/api/agents/no-such-agent/ask', headers: bearer(admin.accessToken), payload: { message: 'x' } });
      for (let index = 0; index < 20; index += 1) expect((await ask()).statusCode).toBe(404);
      const limited = await ask();
      expect(limited.statusCode).toBe(429);
      expect(apiErrorSchema.parse(limited.json()).error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
