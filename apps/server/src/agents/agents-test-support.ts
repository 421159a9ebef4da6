import { workflowServerMessageSchema, type WorkflowServerMessage } from '@claraverse/shared';
import type { ClaraVerseApp } from '../app.js';
import type { OpenAiDouble } from '../test/llm-doubles/openai-double.js';
import { bearer } from '../test/factories.js';
import { connectTestSocket, type TestSocketClient } from '../test/socket-client.js';

/** `variable(start) → transform(input.n + 1) → output "Result"`: the smallest useful workflow (and the benchmark's). */
export const addOneWorkflow = {
  blocks: [
    { id: 'b1', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' }, position: { x: 250, y: 50 } },
    { id: 'b2', normalizedId: 'add-one', type: 'transform', name: 'Add one', config: { expression: 'input.n + 1' }, position: { x: 250, y: 200 } },
    { id: 'b3', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{add-one}}' }, position: { x: 250, y: 350 } },
  ],
  connections: [
    { id: 'c1', sourceBlockId: 'b1', targetBlockId: 'b2' },
    { id: 'c2', sourceBlockId: 'b2', targetBlockId: 'b3' },
  ],
  variables: [],
};

/** start (a file) → output "Got" = the file reference the run received. */
export const fileEchoWorkflow = {
  blocks: [
    { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'file' } },
    { id: 'out', normalizedId: 'got', type: 'output', name: 'Got', config: { value: '{{input}}' } },
  ],
  connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'out' }],
  variables: [],
};

/**
 * The blocks of the poem agents the run tests share: start (JSON) → "Wants poems" (`input.mode = 'poems'`), the
 * loop "Each word" over `input.words` whose body shouts each word, two LLM poets on `modelId` asked
 * `Write a line about <about> (A|B)`, and the merge "Join". Each test wires them and adds its outputs.
 */
export function poemBlocks(modelId: string, about: string) {
  const poet = (id: string, letter: string) => ({
    id, normalizedId: id, type: 'llm_inference', name: `Poet ${letter}`, config: { model: modelId, systemPrompt: 'You write one line.', userPrompt: `Write a line about ${about} (${letter})` },
  });
  return [
    { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' } },
    { id: 'check', normalizedId: 'check', type: 'condition', name: 'Wants poems', config: { expression: "input.mode = 'poems'" } },
    { id: 'each', normalizedId: 'each-word', type: 'loop', name: 'Each word', config: { items: '{{input.words}}', concurrency: 2 } },
    { id: 'shout', normalizedId: 'shout', type: 'transform', name: 'Shout', config: { expression: '$uppercase(item)' } },
    poet('poet-a', 'A'),
    poet('poet-b', 'B'),
    { id: 'join', normalizedId: 'join', type: 'merge', name: 'Join', config: { mode: 'all' } },
  ];
}

/** Creates an agent over HTTP and saves `workflow` on it; returns the agent id. */
export async function createAgentWithWorkflow(app: ClaraVerseApp, accessToken: string, workflow: object = addOneWorkflow, name = 'Adder'): Promise<string> {
  const created = await app.http.inject({ method: 'POST', url: '/api/agents', headers: bearer(accessToken), payload: { name } });
  if (created.statusCode !== 201) throw new Error(`create agent: ${created.statusCode} ${created.body}`);
  const agentId = created.json<{ agent: { id: string } }>().agent.id;
  const saved = await app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}/workflow`, headers: bearer(accessToken), payload: workflow });
  if (saved.statusCode !== 200) throw new Error(`save workflow: ${saved.statusCode} ${saved.body}`);
  return agentId;
}

/** Creates a personal API key with `scopes`; returns the key. */
export async function createApiKey(app: ClaraVerseApp, accessToken: string, scopes: string[], extra: object = {}): Promise<{ apiKey: string; id: string }> {
  const response = await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(accessToken), payload: { name: 'trigger', scopes, ...extra } });
  if (response.statusCode !== 201) throw new Error(`api key: ${response.statusCode} ${response.body}`);
  const body = response.json<{ apiKey: string; key: { id: string } }>();
  return { apiKey: body.apiKey, id: body.key.id };
}

type Received = { type: string; [key: string]: unknown };

/** A `/ws/workflow` client that records every message and lets a test wait for one. */
export type WorkflowClient = TestSocketClient<Received>;

/** Opens `/ws/workflow` on a listening app, authenticates with `token` and waits for `ready`. */
export function connectWorkflow(baseUrl: string, token: string): Promise<WorkflowClient> {
  return connectTestSocket<Received>(baseUrl, '/ws/workflow', token);
}

/** Makes `app` listen on a free loopback port; returns its base URL (`http://127.0.0.1:<port>`). */
export async function listenOnLoopback(app: ClaraVerseApp): Promise<string> {
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  if (address === null || typeof address !== 'object') throw new Error('the app is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

/** The chat-completion requests the provider double received. */
export function chatRequests(double: OpenAiDouble) {
  return double.requests.filter((request) => request.path === '/v1/chat/completions');
}

/** The model answers "Line A" or "Line B", whichever poet of `poemBlocks` asks. */
export function answerByPoet(double: OpenAiDouble): void {
  double.setScenario({ kind: 'dynamic', respond: (body) => ({ kind: 'reply', text: JSON.stringify(body).includes('(A)') ? 'Line A' : 'Line B' }) });
}

/**
 * Runs a poem agent over `client` with the provider hanging, waits until both poets are waiting on it (running,
 * their requests received), cancels the run and waits for its end. Returns the execution id and the end message.
 */
export async function runAndCancelAtPoets(client: WorkflowClient, double: OpenAiDouble, agentId: string, input: unknown): Promise<{ executionId: string; end: WorkflowServerMessage }> {
  double.setScenario({ kind: 'hang' });
  const before = chatRequests(double).length;
  client.send({ type: 'workflow.run', agentId, input });
  const start = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.start'));
  if (start.type !== 'execution.start') throw new Error(`expected execution.start, got ${start.type}`);
  await client.waitFor((message) => message.type === 'execution.block' && message['blockId'] === 'poet-a' && message['status'] === 'running');
  await client.waitFor((message) => message.type === 'execution.block' && message['blockId'] === 'poet-b' && message['status'] === 'running');
  while (chatRequests(double).length < before + 2) await new Promise((resolve) => setTimeout(resolve, 10));
  client.send({ type: 'workflow.cancel', executionId: start.executionId });
  const end = workflowServerMessageSchema.parse(await client.waitFor((message) => message.type === 'execution.end'));
  return { executionId: start.executionId, end };
}
