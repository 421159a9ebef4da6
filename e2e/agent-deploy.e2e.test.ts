import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { poll } from './support/chat-page.js';
import { startAgentEnvironment, type AgentEnvironment } from './support/agent-setup.js';

const run = promisify(execFile);

/** `start (json) → <transform> → output "Result"`: no LLM, so the run's result is known exactly. */
function transformWorkflow(transform: { id: string; name: string; expression: string }): object {
  return {
    blocks: [
      { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' }, position: { x: 0, y: 0 } },
      { id: transform.id, normalizedId: transform.id, type: 'transform', name: transform.name, config: { expression: transform.expression }, position: { x: 320, y: 0 } },
      { id: 'result', normalizedId: 'result', type: 'output', name: 'Result', config: { value: `{{${transform.id}}}` }, position: { x: 640, y: 0 } },
    ],
    connections: [
      { id: 'c1', sourceBlockId: 'start', targetBlockId: transform.id },
      { id: 'c2', sourceBlockId: transform.id, targetBlockId: 'result' },
    ],
    variables: [],
  };
}

const shout = transformWorkflow({ id: 'shout', name: 'Shout', expression: '$uppercase(input.message) & "!"' });
const count = transformWorkflow({ id: 'count-letters', name: 'Count letters', expression: '$length(input.message)' });

/** A block on the editor's canvas by its id (names are matched loosely by hasText: `{{shout}}` contains Shout). */
const canvasNode = (page: Page, blockId: string) => page.getByRole('region', { name: 'Canvas' }).getByTestId(`rf__node-${blockId}`);

let environment: AgentEnvironment;
let agentId: string;
beforeAll(async () => {
  environment = await startAgentEnvironment({ emailPrefix: 'agent-deploy' });
  // Two saved versions with different workflows: "Shout" (version 2) and then "Count letters" (version 3, current).
  agentId = await environment.createAgent(shout, 'Greeter');
  await environment.api('PUT', `/api/agents/${agentId}/workflow`, { ...shout, createVersion: true, versionDescription: 'Shout the message' });
  await environment.api('PUT', `/api/agents/${agentId}/workflow`, { ...count, createVersion: true, versionDescription: 'Count the letters instead' });
}, 120_000);
afterAll(async () => {
  await environment?.stop();
});

async function openEditor(page: Page): Promise<void> {
  await environment.signIn(page);
  await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
  await poll(() => page.getByRole('heading', { level: 1, name: 'Greeter' }).count()).toBe(1);
}

describe('versions and deploy in a real browser', () => {
  it('previews and restores an older version, schedules the agent, creates a key and runs the curl snippet', { timeout: 180_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await openEditor(page);
      await poll(() => canvasNode(page, 'count-letters').count()).toBe(1);

      // Versions: the list, then the older version previewed read-only with its differences.
      await page.getByRole('tab', { name: 'Versions' }).click();
      const older = page.getByRole('listitem', { name: 'Version 2' });
      await poll(() => older.innerText()).toContain('Shout the message');
      await older.getByRole('button', { name: 'Preview version 2' }).click();
      const preview = page.getByRole('dialog', { name: /Previewing version 2/ });
      await poll(() => preview.getByRole('region', { name: 'Added since version 2' }).innerText()).toContain('Count letters');
      expect(await preview.getByRole('region', { name: 'Removed since version 2' }).innerText()).toContain('Shout');
      expect(await preview.getByRole('region', { name: 'Changed since version 2' }).innerText()).toMatch(/Result\s+value: \{\{shout\}\} → \{\{count-letters\}\}/);
      expect(await preview.getByText('Read-only').count()).toBe(1);
      // The old blocks are on the preview's canvas, the one the current workflow lacks marked as removed.
      await poll(() => preview.getByTestId('rf__node-shout').getAttribute('aria-label')).toMatch(/removed since this version/);
      await screenshot(page, 'agent-versions-diff-light');

      await preview.getByRole('button', { name: 'Restore this version' }).click();
      await poll(() => page.getByText(/Restored version 2; it is now the current workflow/).count()).toBe(1);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await poll(() => canvasNode(page, 'shout').count()).toBe(1);
      expect(await canvasNode(page, 'count-letters').count()).toBe(0);
      await poll(() => page.getByRole('listitem', { name: 'Version 4' }).innerText()).toContain('Restored from version 2');
      const current = await environment.api<{ workflow: { blocks: { id: string }[] } }>('GET', `/api/agents/${agentId}/workflow`);
      expect(current.workflow.blocks.map((block) => block.id)).toEqual(['start', 'shout', 'result']);

      // Deploy: a weekly schedule built visually, in Berlin time, with its next five runs.
      await page.getByRole('tab', { name: 'Deploy' }).click();
      const schedule = page.getByRole('region', { name: 'Schedule' });
      await schedule.getByLabel('Repeat').selectOption('weekly');
      await schedule.getByRole('button', { name: 'Friday' }).click();
      await schedule.getByLabel('At', { exact: true }).fill('08:30');
      await schedule.getByLabel('Time zone').selectOption('Europe/Berlin');
      await poll(() => schedule.getByLabel('Cron expression').innerText()).toBe('30 8 * * 1-4');
      const runs = schedule.getByRole('list', { name: 'Next runs' }).getByRole('listitem');
      await poll(() => runs.count()).toBe(5);
      for (const text of await runs.allInnerTexts()) expect(text).toMatch(/^(Mon|Tue|Wed|Thu), .* 08:30$/);
      await schedule.getByRole('button', { name: 'Create schedule' }).click();
      await poll(() => schedule.getByText('Schedule created.').count()).toBe(1);
      const saved = await environment.api<{ schedule: { cronExpression: string; timezone: string; enabled: boolean } }>('GET', `/api/agents/${agentId}/schedule`);
      expect(saved.schedule).toMatchObject({ cronExpression: '30 8 * * 1-4', timezone: 'Europe/Berlin', enabled: true });
      await schedule.scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-deploy-schedule-light');
      // "Run now" starts a scheduled run at once, with the schedule's input template ({} here: the message is missing).
      await schedule.getByRole('button', { name: 'Run now' }).click();
      await poll(() => schedule.getByText('Started a run now with the input template.').count()).toBe(1);
      await poll(async () => (await environment.api<{ executions: { trigger: string }[] }>('GET', `/api/executions?agentId=${agentId}`)).executions.map((item) => item.trigger)).toEqual(['schedule']);

      // An API key for this agent, shown once; the curl snippet carries it.
      const keys = page.getByRole('region', { name: 'API keys' });
      await keys.getByLabel('Key name').fill('Deploy test key');
      await keys.getByRole('button', { name: 'Create key' }).click();
      const apiKey = (await keys.getByLabel('API key', { exact: true }).innerText()).trim();
      expect(apiKey).toMatch(/^clv_[0-9a-f]{64}$/);
      expect(await keys.getByText(/you won’t see it again/).count()).toBe(1);
      await poll(() => keys.getByRole('list', { name: 'API keys for this agent' }).innerText()).toContain('Deploy test key');
      await keys.getByRole('status', { name: 'New API key' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-deploy-panel-light');

      // The copy button puts exactly the snippet shown on the clipboard; that is what gets run.
      const snippets = page.getByRole('region', { name: 'Code snippets' });
      const shown = await snippets.getByLabel('curl snippet').innerText();
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: environment.server.baseUrl });
      await snippets.getByRole('button', { name: 'Copy snippet' }).click();
      await poll(() => snippets.getByRole('button', { name: 'Copy snippet' }).innerText()).toBe('Copied');
      const curl = await page.evaluate(() => navigator.clipboard.readText());
      expect(curl.trim()).toBe(shown.trim());
      expect(curl).toContain(`X-API-Key: ${apiKey}`);
      expect(curl).toContain(`${environment.server.baseUrl}/api/trigger/${agentId}?wait=true`);
      const { stdout } = await run('/bin/sh', ['-c', curl], { timeout: 60_000 });
      const execution = JSON.parse(stdout) as { id: string; status: string; output: unknown };
      expect(execution.status).toBe('completed');
      expect(execution.output).toEqual({ Result: 'HELLO!' });

      // The run is recorded as an API-triggered execution of this agent.
      const listed = await environment.api<{ executions: { id: string; trigger: string; status: string }[] }>('GET', `/api/executions?agentId=${agentId}`);
      expect(listed.executions.find((item) => item.id === execution.id)).toMatchObject({ trigger: 'api', status: 'completed' });

      expect(problems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('reads well in the dark theme: the version diff and the deploy panel', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser({ colorScheme: 'dark' });
    const { page } = browser;
    try {
      await openEditor(page);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      await page.getByRole('tab', { name: 'Versions' }).click();
      await page.getByRole('button', { name: 'Preview version 3' }).click();
      const preview = page.getByRole('dialog', { name: /Previewing version 3/ });
      // Version 3's own blocks (its differences depend on what the first test restored).
      await poll(() => preview.getByTestId('rf__node-count-letters').count()).toBe(1);
      await poll(() => preview.getByRole('complementary', { name: 'Differences' }).innerText()).toContain('Compared with the current workflow');
      await screenshot(page, 'agent-versions-diff-dark');
      await preview.getByRole('button', { name: 'Close preview' }).click();

      await page.getByRole('tab', { name: 'Deploy' }).click();
      await poll(() => page.getByRole('region', { name: 'Schedule' }).getByLabel('Repeat').count()).toBe(1);
      await poll(() => page.getByRole('region', { name: 'Code snippets' }).getByLabel('curl snippet').count()).toBe(1);
      await screenshot(page, 'agent-deploy-panel-dark');
      await page.getByRole('region', { name: 'Code snippets' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-deploy-snippets-dark');
      await page.getByRole('region', { name: 'Webhook' }).getByRole('button', { name: 'Create webhook' }).click();
      await poll(() => page.getByRole('status', { name: 'Signing secret' }).count()).toBe(1);
      await page.getByRole('region', { name: 'Webhook' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-deploy-webhook-dark');
    } finally {
      await browser.close();
    }
  });
});
