import type { SessionResponse } from '@claraverse/shared';
import type { Page } from 'playwright-core';
import { createAgentWithWorkflow } from '../../apps/server/src/agents/agents-test-support.js';
import { bearer, setRegistrationMode } from '../../apps/server/src/test/factories.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from '../../apps/server/src/test/llm-doubles/openai-double.js';
import type { DoubleScenario } from '../../apps/server/src/test/llm-doubles/scenarios.js';
import { startServer, type RunningServer } from './start-server.js';

/**
 * The setup every agent browser test needs: the real server, the OpenAI double added by the administrator as
 * a provider, its models fetched and the first one made the agents' model, and a signed-up user who builds and
 * runs agents. Everything but the browser sign-in goes through the HTTP API (fast; the admin pages have their
 * own browser tests in chat.e2e).
 */

export const doubleApiKey = 'double-key';
export const doubleModelNames = ['double-model', 'double-model-mini'];

export interface Account {
  id: string;
  name: string;
  email: string;
  password: string;
  accessToken: string;
}

export interface AgentEnvironment {
  server: RunningServer;
  double: OpenAiMediaDouble;
  admin: Account;
  /** A regular user (not the admin): the one the browser signs in as. */
  user: Account;
  /** The instance model id (not its name) of `double-model`: what an `llm_inference` block's `model` names. */
  modelId: string;
  /** Sends an API request as `account` (default: the user); throws with the body when the status is not `expect`. */
  api<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, options?: { account?: Account; expect?: number | number[] }): Promise<T>;
  /** Creates an agent of the user with `workflow` saved on it; returns its id. */
  createAgent(workflow: object, name?: string): Promise<string>;
  /** Opens the app in `page` signed in as `account` (default: the user); resolves on the chat page. */
  signIn(page: Page, account?: Account): Promise<void>;
  stop(): Promise<void>;
}

export interface AgentEnvironmentOptions {
  /** Extra server configuration (as for startServer). */
  env?: Record<string, string>;
  /** The double's first scenario (tests change it with `double.setScenario`). */
  scenario?: DoubleScenario;
  /** Seeds the emails so two environments in one run never share an account name. */
  emailPrefix?: string;
}

const password = 'analytical engine 1843';

async function signUp(server: RunningServer, name: string, email: string): Promise<Account> {
  const response = await server.app.http.inject({ method: 'POST', url: '/api/auth/register', payload: { name, email, password } });
  if (response.statusCode !== 201) throw new Error(`sign-up of ${email}: ${response.statusCode} ${response.body}`);
  const session = response.json<SessionResponse>();
  return { id: session.user.id, name, email, password, accessToken: session.accessToken };
}

/** Signs in through the sign-in page (a real session cookie in the browser) and waits for the chat page. */
export async function signInThroughPage(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/chat$/);
}

/**
 * Starts the OpenAI double and the server, creates the administrator (the first sign-up) and a user, adds the
 * double as the instance provider, fetches its models and makes `double-model` the agents' model (visible, tools
 * and structured output on, tier 1 so it is the default an LLM block without a model uses).
 */
export async function startAgentEnvironment(options: AgentEnvironmentOptions = {}): Promise<AgentEnvironment> {
  const double = await startOpenAiDouble({ apiKey: doubleApiKey, models: doubleModelNames, ...(options.scenario ? { scenario: options.scenario } : {}) });
  const server = await startServer(options.env);
  const prefix = options.emailPrefix ?? 'agents';
  try {
    const admin = await signUp(server, 'Ada Admin', `${prefix}.admin@example.test`);
    // New instances wait for an admin's approval of each sign-up; open them for the test user.
    await setRegistrationMode(server.app, admin.accessToken, 'open');
    const user = await signUp(server, 'Grace User', `${prefix}.user@example.test`);

    const api: AgentEnvironment['api'] = async (method, url, payload, requestOptions = {}) => {
      const account = requestOptions.account ?? user;
      const response = await server.app.http.inject({ method, url, headers: bearer(account.accessToken), ...(payload === undefined ? {} : { payload }) });
      const expected = requestOptions.expect ?? (method === 'POST' ? [200, 201, 202] : [200, 204]);
      const isExpected = Array.isArray(expected) ? expected.includes(response.statusCode) : response.statusCode === expected;
      if (!isExpected) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return (response.body === '' ? undefined : response.json()) as never;
    };

    const { provider } = await api<{ provider: { id: string } }>('POST', '/api/admin/providers', { name: 'Local double', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: doubleApiKey, enabled: true }, { account: admin });
    await api('POST', `/api/admin/providers/${provider.id}/fetch-models`, undefined, { account: admin, expect: 200 });
    const { models } = await api<{ models: Array<{ id: string; name: string }> }>('GET', `/api/admin/models?providerId=${provider.id}`, undefined, { account: admin });
    const model = models.find((candidate) => candidate.name === doubleModelNames[0]);
    if (!model) throw new Error(`the double's models were not fetched: ${JSON.stringify(models)}`);
    await api('PATCH', `/api/admin/models/${model.id}`, { isVisible: true, tier: 1, capabilities: { tools: true, structuredOutput: true } }, { account: admin });

    return {
      server,
      double,
      admin,
      user,
      modelId: model.id,
      api,
      createAgent: (workflow, name = 'Test agent') => createAgentWithWorkflow(server.app, user.accessToken, workflow, name),
      signIn: (page, account = user) => signInThroughPage(page, server.baseUrl, account),
      stop: async () => {
        await server.stop();
        await double.close();
      },
    };
  } catch (error) {
    await server.stop();
    await double.close();
    throw error;
  }
}

/**
 * `start (text) → LLM "Answer" → output "Result"`: the smallest agent that calls the model. The LLM block
 * names `modelId` and asks about `{{input}}`.
 */
export function llmWorkflow(modelId: string): object {
  return {
    blocks: [
      { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: { x: 0, y: 0 } },
      { id: 'answer', normalizedId: 'answer', type: 'llm_inference', name: 'Answer', config: { model: modelId, systemPrompt: 'Answer briefly.', userPrompt: '{{input}}' }, position: { x: 300, y: 0 } },
      { id: 'result', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{answer.response}}' }, position: { x: 600, y: 0 } },
    ],
    connections: [
      { id: 'c1', sourceBlockId: 'start', targetBlockId: 'answer' },
      { id: 'c2', sourceBlockId: 'answer', targetBlockId: 'result' },
    ],
    variables: [],
  };
}
