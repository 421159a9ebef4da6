import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everythingServerPath } from '../apps/server/src/mcp/test-mcp-servers.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from '../apps/server/src/test/llm-doubles/openai-double.js';
import type { DirectScenario, DoubleScenario } from '../apps/server/src/test/llm-doubles/scenarios.js';
import type { DoubleServer } from '../apps/server/src/test/llm-doubles/double-server.js';
import { startSearxngDouble } from '../apps/server/src/test/searxng-double.js';
import { createAdministratorThroughSetup, launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { lastAssistant, poll, sendMessage } from './support/chat-page.js';
import { startServer, type RunningServer } from './support/start-server.js';

const admin = { name: 'Ada Admin', email: 'ada.tools@example.test', password: 'analytical engine 1843' };
const doubleKey = 'double-key';

// The real bridge CLI, run from source in its own process (as apps/server/src/mcp/bridge/bridge-cli.test.ts does).
const bridgeCli = fileURLToPath(new URL('../apps/bridge/src/cli.ts', import.meta.url));
const bridgeNodeArguments = ['--conditions=claraverse-source', '--import', 'tsx', bridgeCli];
const execFileAsync = promisify(execFile);

interface OpenAiBody { messages?: Array<{ role: string; content?: unknown }> }

/** The text of the conversation's last user message, lower-cased. */
function lastUserText(body: unknown): string {
  const user = [...((body as OpenAiBody).messages ?? [])].reverse().find((message) => message.role === 'user');
  return (typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '')).toLowerCase();
}

/** The tool call the model "decides" on for a message, by a word in it. */
function toolFor(message: string): { name: string; arguments: Record<string, unknown> } | null {
  if (message.includes('search')) return { name: 'search_web', arguments: { query: 'solar kettles' } };
  if (message.includes('analyse')) {
    return { name: 'analyze_data', arguments: { csv_data: 'month,sales\n1,10\n2,14\n3,19\n4,25\n5,32\n6,40\n', analysis_type: 'trend' } };
  }
  if (message.includes('pdf')) return { name: 'create_document', arguments: { title: 'Launch notes', content: '# Launch notes\n\nShip it on Friday.' } };
  if (message.includes('draw')) return { name: 'generate_image', arguments: { prompt: 'a solar kettle at dawn', size: 'square' } };
  if (message.includes('ask me')) {
    return { name: 'ask_user', arguments: { title: 'Trip details', questions: [{ id: 'city', type: 'select', label: 'Which city?', options: ['Lisbon', 'Porto'], required: true }] } };
  }
  if (message.includes('admin mcp')) return { name: 'everything__echo', arguments: { message: 'hello from the admin server' } };
  if (message.includes('bridge')) return { name: 'laptop__echo', arguments: { message: 'hello from the bridge' } };
  return null;
}

/** A model that calls the tool its message asks for, then answers with the tool's result. */
const toolUsingModel: DoubleScenario = {
  kind: 'dynamic',
  respond(body): DirectScenario {
    const results = ((body as OpenAiBody).messages ?? []).filter((message) => message.role === 'tool');
    if (results.length > 0) return { kind: 'reply', text: `Tool said: ${String(results[0]?.content).slice(0, 300)}`, tokenDelayMs: 1 };
    const call = toolFor(lastUserText(body));
    return call ? { kind: 'reply', toolCalls: [{ id: `call_${call.name}`, ...call }] } : { kind: 'reply', text: 'No tool needed.' };
  },
};

let server: RunningServer;
let double: OpenAiMediaDouble;
let searxng: DoubleServer;
let bridgeHome: string;
let bridge: ChildProcess | undefined;

beforeAll(async () => {
  double = await startOpenAiDouble({ apiKey: doubleKey, models: ['double-model'], scenario: toolUsingModel });
  searxng = await startSearxngDouble();
  server = await startServer({ SEARXNG_URLS: searxng.origin });
  bridgeHome = mkdtempSync(join(tmpdir(), 'claraverse-e2e-bridge-'));
});
afterAll(async () => {
  if (bridge && bridge.exitCode === null) {
    const exited = new Promise((resolve) => bridge?.once('exit', resolve));
    bridge.kill('SIGTERM');
    await exited;
  }
  await server?.stop();
  await double?.close();
  await searxng?.close();
  rmSync(bridgeHome, { recursive: true, force: true });
});

async function api<T>(token: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await server.app.http.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/** What an administrator sets up: the chat provider, an image provider, an MCP server; and a bridge of theirs. */
async function setUpInstance(): Promise<void> {
  const login = await server.app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
  const token = login.json<{ accessToken: string }>().accessToken;
  const chat = await api<{ provider: { id: string } }>(token, 'POST', '/api/admin/providers', { name: 'Local double', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: doubleKey, enabled: true });
  await api(token, 'POST', `/api/admin/providers/${chat.provider.id}/fetch-models`);
  const images = await api<{ provider: { id: string } }>(token, 'POST', '/api/admin/providers', { name: 'Local images', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: doubleKey, enabled: true, flags: { imageOnly: true } });
  await api(token, 'POST', `/api/admin/providers/${images.provider.id}/fetch-models`);
  const mcp = await api<{ server: { id: string } }>(token, 'POST', '/api/admin/mcp-servers', { name: 'Everything', transport: 'stdio', command: process.execPath, args: [everythingServerPath, 'stdio'], enabled: true });
  await poll(async () => (await api<{ server: { status: string } }>(token, 'GET', `/api/admin/mcp-servers/${mcp.server.id}`)).server.status, 60_000).toBe('connected');

  const { apiKey } = await api<{ apiKey: string }>(token, 'POST', '/api/keys', { name: 'laptop', scopes: ['mcp-bridge'] });
  const env = { PATH: process.env.PATH ?? '', HOME: bridgeHome };
  await execFileAsync(process.execPath, [...bridgeNodeArguments, 'login', '--url', server.baseUrl, '--key', apiKey], { env });
  await execFileAsync(process.execPath, [...bridgeNodeArguments, 'add', 'Laptop', '--', process.execPath, everythingServerPath, 'stdio'], { env });
  bridge = spawn(process.execPath, [...bridgeNodeArguments, 'start'], { env, stdio: 'ignore' });
  await poll(async () => (await api<{ connected: boolean; tools: unknown[] }>(token, 'GET', '/api/user/bridge')).tools.length, 90_000).toBeGreaterThan(0);
}

const toolCard = (page: Page, displayName: string | RegExp) =>
  lastAssistant(page).getByRole('group', { name: typeof displayName === 'string' ? `Tool: ${displayName}` : displayName });

/** Sends a message and waits for its tool card to finish and the reply to end. */
async function runTool(page: Page, message: string, displayName: string | RegExp): Promise<void> {
  await sendMessage(page, message);
  await poll(() => toolCard(page, displayName).count(), 20_000).toBe(1);
  await poll(() => toolCard(page, displayName).getAttribute('data-status'), 180_000).toBe('completed');
  await poll(() => lastAssistant(page).getAttribute('data-status'), 30_000).toBe('done');
}

describe('tools in a real browser', () => {
  it('searches, analyses data with a plot, makes a PDF, draws, asks, and calls an admin MCP tool and a bridge tool', { timeout: 600_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await createAdministratorThroughSetup(page, server.baseUrl, admin);
      await setUpInstance();
      await page.goto(`${server.baseUrl}/chat`);
      await page.getByRole('button', { name: /Choose a model|double-model/ }).click();
      await page.getByRole('option', { name: /^double-model\b/ }).click();

      // A web search through SearXNG.
      await runTool(page, 'Please search the web for solar kettles', 'Search Web');
      expect(searxng.requests.some((request) => request.query.q === 'solar kettles' && request.query.format === 'json')).toBe(true);
      await poll(() => lastAssistant(page).innerText()).toContain('solar kettles, result 0');
      await screenshot(page, 'tools-search-light');

      // A data analysis in the Python sandbox: its chart shows in the card.
      await runTool(page, 'Please analyse my monthly sales', 'AI Data Analyst');
      const plot = toolCard(page, 'AI Data Analyst').locator('img');
      await poll(() => plot.count()).toBeGreaterThan(0);
      expect(await plot.first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(50);
      await screenshot(page, 'tools-analysis-light');

      // A PDF made by Chromium, downloadable from the card.
      await runTool(page, 'Turn the launch notes into a PDF', 'Create Document');
      const link = toolCard(page, 'Create Document').getByRole('link').first();
      const href = await link.getAttribute('href');
      expect(href).toMatch(/\/api\/files\/[\w-]+\?code=/);
      const pdf = await page.request.get(new URL(href ?? '', server.baseUrl).toString());
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // An image from the image provider, shown in the chat with its handle.
      await runTool(page, 'Please draw a solar kettle', 'Generate Image');
      await poll(() => lastAssistant(page).getByRole('img', { name: 'Generated image img-1' }).count()).toBeGreaterThan(0);
      expect(double.requests.some((request) => request.path === '/v1/images/generations')).toBe(true);
      await screenshot(page, 'tools-image-light');

      // ask_user: a form in the chat; the answer reaches the model.
      await sendMessage(page, 'Plan a trip and ask me what you need');
      const form = lastAssistant(page).getByRole('form', { name: 'Trip details' });
      await poll(() => form.count(), 20_000).toBe(1);
      await screenshot(page, 'tools-ask-user-light');
      await form.getByRole('radio', { name: 'Porto' }).check();
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await poll(() => toolCard(page, 'Ask User Questions').getAttribute('data-status'), 20_000).toBe('completed');
      await poll(() => lastAssistant(page).innerText(), 20_000).toContain('Porto');

      // An admin MCP server's tool, then a tool of the user's bridge.
      await runTool(page, 'Use the admin MCP echo', /^Tool: .*echo/i);
      await poll(() => lastAssistant(page).innerText()).toContain('Echo: hello from the admin server');
      await runTool(page, 'Use my bridge echo', /^Tool: .*echo/i);
      await poll(() => lastAssistant(page).innerText()).toContain('Echo: hello from the bridge');
      await screenshot(page, 'tools-mcp-light');

      const audit = await server.app.database.db.selectFrom('audit_log').select('details').where('action', '=', 'mcp.tool-called').execute();
      expect(audit.map((row) => JSON.parse(row.details ?? '{}') as { source: string })).toEqual(expect.arrayContaining([
        expect.objectContaining({ source: 'mcp', tool: 'echo', outcome: 'completed' }),
        expect.objectContaining({ source: 'bridge', tool: 'echo', outcome: 'completed' }),
      ]));
      expect(problems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
