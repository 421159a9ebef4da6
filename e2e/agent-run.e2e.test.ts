import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentEnvironment, type AgentEnvironment } from './support/agent-setup.js';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { allNodesInsidePane, waitForStillViewport } from './support/canvas.js';
import { poll } from './support/chat-page.js';

/** What the double answers the agent's LLM block with: markdown that makes the condition take its true branch. */
const verdict = ['## Verdict', '', 'yes — **solar kettles** are worth it:', '', '- no fuel to buy', '- they work anywhere the sun shines'].join('\n');

let environment: AgentEnvironment;
beforeAll(async () => {
  environment = await startAgentEnvironment({ emailPrefix: 'agent-run', scenario: { kind: 'reply', text: verdict, tokenDelayMs: 1 } });
});
afterAll(async () => {
  await environment?.stop();
});

/** The agent the first test builds in the browser, made through the API for the tests that only run it. */
function kettleWorkflow(modelId: string): object {
  const at = (x: number, y: number) => ({ x, y });
  return {
    blocks: [
      { id: 'b-start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: at(200, 0) },
      { id: 'b-ai', normalizedId: 'ai-agent', type: 'llm_inference', name: 'AI agent', config: { model: modelId, systemPrompt: '', userPrompt: '{{input}}', enabledTools: [] }, position: at(200, 150) },
      { id: 'b-condition', normalizedId: 'condition', type: 'condition', name: 'Condition', config: { expression: '$contains(`ai-agent`.response, "yes")' }, position: at(200, 300) },
      { id: 'b-yes', normalizedId: 'output', type: 'output', name: 'Output', config: { value: '{{ai-agent.response}}' }, position: at(50, 450) },
      { id: 'b-no', normalizedId: 'output-2', type: 'output', name: 'Output 2', config: { value: 'No verdict.' }, position: at(350, 450) },
    ],
    connections: [
      { id: 'c1', sourceBlockId: 'b-start', targetBlockId: 'b-ai' },
      { id: 'c2', sourceBlockId: 'b-ai', targetBlockId: 'b-condition' },
      { id: 'c3', sourceBlockId: 'b-condition', sourceOutput: 'true', targetBlockId: 'b-yes' },
      { id: 'c4', sourceBlockId: 'b-condition', sourceOutput: 'false', targetBlockId: 'b-no' },
    ],
    variables: [],
  };
}

/** Chromium logs 4xx answers as failed resource loads; those are expected (the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A block on the canvas by its name (the name line, not the type label). */
const node = (page: Page, name: string) => page.locator('.react-flow__node', { has: page.locator('p.font-semibold', { hasText: new RegExp(`^${escape(name)}$`) }) });
/** The run status a block shows on the canvas (`Completed`, `Running`, …), or null while it has none. */
async function canvasStatus(page: Page, name: string): Promise<string | null> {
  const indicator = node(page, name).getByRole('img', { name: /^Status:/ });
  return (await indicator.count()) === 0 ? null : ((await indicator.getAttribute('aria-label')) ?? '').replace('Status: ', '');
}

/** Frames the blocks with the canvas's own controls: fit, then one step out so the minimap covers none of them. */
async function frameCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await waitForStillViewport(page);
  await page.locator('.react-flow__controls-zoomout').click();
  await waitForStillViewport(page);
  expect(await allNodesInsidePane(page)).toBe(true);
}

/** Adds start → AI agent → condition → two outputs from the palette, connects and configures them. */
async function buildAgentFromPalette(page: Page): Promise<void> {
  await page.getByText('0 blocks').waitFor();
  await page.getByRole('button', { name: 'Add Start / variable' }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 80, y: 80 } });
  for (const name of ['AI agent', 'Condition', 'Output', 'Output']) await page.getByRole('button', { name: `Add ${name}` }).click();
  await page.getByText('5 blocks · unsaved changes').waitFor();
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await waitForStillViewport(page);
  const connect = async (from: string, to: string) => {
    const before = await page.locator('.react-flow__edge').count();
    await page.getByLabel(from, { exact: true }).dragTo(page.getByLabel(to, { exact: true }));
    await poll(() => page.locator('.react-flow__edge').count()).toBe(before + 1);
  };
  await connect('output output of Start', 'Input of AI agent');
  await connect('output output of AI agent', 'Input of Condition');
  await connect('true output of Condition', 'Input of Output');
  await connect('false output of Condition', 'Input of Output 2');
  // Settings: the condition looks at the model's answer; the outputs name what the run returns.
  await node(page, 'Condition').click();
  await page.getByLabel('Condition (JSONata)').fill('$contains(`ai-agent`.response, "yes")');
  await node(page, 'Output').click();
  await page.getByLabel('Value', { exact: true }).fill('{{ai-agent.response}}');
  await node(page, 'Output 2').click();
  await page.getByLabel('Value', { exact: true }).fill('No verdict.');
  await page.getByText('Ready to run').waitFor();
  // Top to bottom suits the canvas beside the 26 rem run panel better than a long row.
  await page.getByRole('button', { name: 'Flow runs left to right; switch to top to bottom' }).click();
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await waitForStillViewport(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('5 blocks', { exact: true }).waitFor();
}

async function runWithInput(page: Page, input: string): Promise<void> {
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByLabel('Run input', { exact: true }).fill(input);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

const runPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Run' });

describe('running an agent in a real browser against the provider double', () => {
  it('builds an agent from the palette, runs it with live statuses, cancels a hanging run and finds both in History', { timeout: 180_000 }, async () => {
    const { agent } = await environment.api<{ agent: { id: string } }>('POST', '/api/agents', { name: 'Kettle advisor' });
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await environment.signIn(page);
      await page.goto(`${environment.server.baseUrl}/agents/${agent.id}`);
      await buildAgentFromPalette(page);

      // Run: every block on the taken path turns green, the untaken output is skipped, the answer is shown.
      await runWithInput(page, 'Is a solar kettle worth it?');
      await poll(() => runPanel(page).getByRole('status', { name: 'Run completed' }).count(), 20_000).toBe(1);
      for (const name of ['Start', 'AI agent', 'Condition', 'Output']) expect(await canvasStatus(page, name)).toBe('Completed');
      expect(await canvasStatus(page, 'Output 2')).toBe('Skipped');
      const output = runPanel(page).getByRole('region', { name: 'Output Output' });
      await poll(() => output.getByRole('heading', { name: 'Verdict' }).count()).toBe(1);
      expect(await output.locator('li').allInnerTexts()).toEqual(['no fuel to buy', 'they work anywhere the sun shines']);
      expect(await output.locator('strong').innerText()).toBe('solar kettles');
      // The model got the input through the user prompt's template.
      const llmRequest = environment.double.requests.find((request) => request.path === '/v1/chat/completions');
      expect(JSON.stringify(llmRequest?.body)).toContain('Is a solar kettle worth it?');
      // A block's own result: select it on the canvas while on the Run tab.
      await node(page, 'Condition').click();
      const conditionResult = runPanel(page).getByRole('region', { name: 'Result of Condition' });
      await poll(() => conditionResult.getByText('"true"').count()).toBeGreaterThan(0);
      await frameCanvas(page);
      await screenshot(page, 'agent-run-finished-light');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      // A second run whose model hangs: Cancel ends it cancelled, and the double sees its request closed.
      environment.double.setScenario({ kind: 'hang' });
      await runWithInput(page, 'And a solar oven?');
      await poll(() => canvasStatus(page, 'AI agent'), 20_000).toBe('Running');
      await screenshot(page, 'agent-run-running-light');
      await runPanel(page).getByRole('button', { name: 'Cancel run' }).click();
      await poll(() => runPanel(page).getByRole('status', { name: 'Run cancelled' }).count(), 10_000).toBe(1);
      await environment.double.waitForAborted(1, 5_000);
      expect(await canvasStatus(page, 'Output')).not.toBe('Completed');

      // History lists both runs, newest first; the finished one opens with its recorded output.
      await page.getByRole('tab', { name: 'History' }).click();
      const runs = page.getByRole('list', { name: 'Runs' });
      await poll(() => runs.getByRole('button').count()).toBe(2);
      expect(await runs.getByRole('button').first().getAttribute('aria-label')).toMatch(/^Open the manual run of .*: Cancelled$/);
      expect(await page.getByRole('region', { name: 'Run statistics' }).getByText('50 %').count()).toBe(1);
      await screenshot(page, 'agent-history-light');
      await runs.getByRole('button', { name: /: Completed$/ }).click();
      await poll(() => page.getByRole('region', { name: 'Output Output' }).getByRole('heading', { name: 'Verdict' }).count()).toBe(1);
      expect(await canvasStatus(page, 'Output 2')).toBe('Skipped');
      await screenshot(page, 'agent-history-run-light');
      // Run it again with the same input: the Run tab comes forward and runs it.
      environment.double.setScenario({ kind: 'reply', text: verdict, tokenDelayMs: 1 });
      await page.getByRole('button', { name: 'Run again with this input' }).click();
      await poll(() => page.getByRole('tab', { name: 'Run' }).getAttribute('aria-selected')).toBe('true');
      await poll(() => runPanel(page).getByRole('status', { name: 'Run completed' }).count(), 20_000).toBe(1);
      expect(await page.getByLabel('Run input', { exact: true }).inputValue()).toBe('Is a solar kettle worth it?');
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } catch (error) {
      await screenshot(page, 'agent-run-failure').catch(() => undefined);
      console.error('console problems:', problems);
      throw error;
    } finally {
      await browser.close();
    }
  });

  it('shows a finished run in the dark theme', { timeout: 120_000 }, async () => {
    const agentId = await environment.createAgent(kettleWorkflow(environment.modelId), 'Kettle advisor, dark');
    environment.double.setScenario({ kind: 'reply', text: verdict, tokenDelayMs: 1 });
    const browser = await launchBrowser({ colorScheme: 'dark' });
    const { page } = browser;
    try {
      await environment.signIn(page);
      await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
      await page.getByText('5 blocks', { exact: true }).waitFor();
      await runWithInput(page, 'Is a solar kettle worth it?');
      await poll(() => runPanel(page).getByRole('status', { name: 'Run completed' }).count(), 20_000).toBe(1);
      await poll(() => runPanel(page).getByRole('region', { name: 'Output Output' }).getByRole('heading', { name: 'Verdict' }).count()).toBe(1);
      await node(page, 'AI agent').click();
      await frameCanvas(page);
      await screenshot(page, 'agent-run-finished-dark');
      await page.getByRole('tab', { name: 'History' }).click();
      await poll(() => page.getByRole('list', { name: 'Runs' }).getByRole('button').count()).toBe(1);
      await screenshot(page, 'agent-history-dark');
    } finally {
      await browser.close();
    }
  });

  it('fills a generated sample input, explains a provider that is down, and cancels a run whose socket the server dropped', { timeout: 120_000 }, async () => {
    const agentId = await environment.createAgent(kettleWorkflow(environment.modelId), 'Kettle advisor, failures');
    const browser = await launchBrowser();
    const { page } = browser;
    try {
      await environment.signIn(page);
      await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
      await page.getByText('5 blocks', { exact: true }).waitFor();

      // A sample input written by the model, for the start block's text input.
      environment.double.setScenario({ kind: 'reply', text: 'How hot does a solar kettle get on a cloudy day?', tokenDelayMs: 1 });
      await page.getByRole('tab', { name: 'Run' }).click();
      await page.getByRole('button', { name: 'Generate sample input' }).click();
      await poll(() => page.getByLabel('Run input', { exact: true }).inputValue()).toBe('How hot does a solar kettle get on a cloudy day?');

      // The provider answers 503 (after the block's retry too): the run fails with a sentence saying so.
      environment.double.setScenario({ kind: 'status', status: 503 });
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // The start block did its part, so the engine reports the run partly done (or failed): either way, why.
      await poll(() => runPanel(page).getByRole('status', { name: /^Run (failed|partly done)$/ }).count(), 30_000).toBe(1);
      const failure = runPanel(page).getByRole('alert').filter({ hasText: /The run failed|Some blocks failed/ });
      expect(await failure.innerText()).toMatch(/The AI provider did not answer: .+ If it keeps happening, check the provider in Admin → Providers\./);
      expect(await canvasStatus(page, 'AI agent')).toBe('Failed');
      await frameCanvas(page);
      await screenshot(page, 'agent-run-provider-down-light');

      // A run whose model hangs; the server drops the socket meanwhile (a proxy restart). The panel says so,
      // reconnects, and Cancel still reaches the run; its end, sent to the dropped socket, is read back over HTTP.
      environment.double.setScenario({ kind: 'hang' });
      await runWithInput(page, 'Count slowly, please.');
      await poll(() => canvasStatus(page, 'AI agent'), 20_000).toBe('Running');
      const connections = environment.server.app.realtimeHub.connectionsOf(environment.user.id);
      expect(connections.length).toBeGreaterThan(0);
      for (const connection of connections) connection.close(1012, 'service restart');
      await poll(() => runPanel(page).getByText('Connection lost — reconnecting…').count()).toBe(1);
      await poll(() => runPanel(page).getByText('Connection lost — reconnecting…').count(), 15_000).toBe(0);
      await runPanel(page).getByRole('button', { name: 'Cancel run' }).click();
      await poll(() => runPanel(page).getByRole('status', { name: 'Run cancelled' }).count(), 20_000).toBe(1);
      expect(await canvasStatus(page, 'Start')).toBe('Completed');
      expect(await canvasStatus(page, 'Output')).not.toBe('Completed');
    } catch (error) {
      await screenshot(page, 'agent-run-failure-provider').catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });
});
