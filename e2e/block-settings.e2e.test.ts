import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentEnvironment, type AgentEnvironment } from './support/agent-setup.js';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';

let environment: AgentEnvironment;

/** start → fetch (HTTP) → News researcher (LLM) → Shape (transform) → Result. */
const workflow = {
  blocks: [
    { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' }, position: { x: 0, y: 0 } },
    { id: 'fetch', normalizedId: 'fetch', type: 'http_request', name: 'Fetch', config: { method: 'GET', url: 'https://news.example.com/feed.json' }, position: { x: 280, y: 0 } },
    {
      id: 'research', normalizedId: 'news-researcher', type: 'llm_inference', name: 'News researcher', description: 'Finds the latest news about a company',
      config: { systemPrompt: 'Search the web for the latest news about the company.', userPrompt: '' }, position: { x: 560, y: 0 },
    },
    { id: 'shape', normalizedId: 'shape', type: 'transform', name: 'Shape', config: { expression: 'fetch.status' }, position: { x: 840, y: 0 } },
    { id: 'result', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{shape}}' }, position: { x: 1120, y: 0 } },
  ],
  connections: [
    { id: 'c1', sourceBlockId: 'start', sourceOutput: 'output', targetBlockId: 'fetch' },
    { id: 'c2', sourceBlockId: 'fetch', sourceOutput: 'output', targetBlockId: 'research' },
    { id: 'c3', sourceBlockId: 'research', sourceOutput: 'output', targetBlockId: 'shape' },
    { id: 'c4', sourceBlockId: 'shape', sourceOutput: 'output', targetBlockId: 'result' },
  ],
  variables: [],
};

beforeAll(async () => {
  environment = await startAgentEnvironment({ emailPrefix: 'block-settings' });
});
afterAll(async () => {
  await environment?.stop();
});

/** Chromium logs 4xx answers as failed resource loads; those are expected (the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

const node = (page: Page, name: string) => page.locator('.react-flow__node', { has: page.locator('p.font-semibold', { hasText: name }) });

describe('block settings in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`configures an LLM block with the real API: model, recommended tools, {{…}} autocomplete, JSONata preview (${colorScheme})`, async () => {
      const agentId = await environment.createAgent(workflow, `Company news (${colorScheme})`);
      const browser = await launchBrowser({ colorScheme });
      try {
        const { page } = browser;
        const problems = watchConsole(page);
        await environment.signIn(page);
        await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
        await node(page, 'News researcher').click();
        const form = page.getByRole('form', { name: 'Settings of News researcher' });
        await form.waitFor();

        // The models of the instance, with their provider; the default is the agents' model.
        const model = form.getByRole('combobox', { name: 'Model' });
        await form.getByRole('option', { name: 'double-model · Local double' }).waitFor({ state: 'attached' });
        expect(await model.locator('option').first().textContent()).toBe('Instance default (double-model)');

        // The server recommends web search for these words; Slack needs a credential the user lacks.
        const search = form.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: 'Search Web' }) });
        await search.getByText('Recommended').waitFor();
        await search.getByRole('checkbox', { name: 'Search Web' }).check();
        await form.getByRole('checkbox', { name: 'Required: Search Web' }).check();
        const slack = form.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: 'Send Slack Message' }) });
        expect(await slack.getByText('Needs a credential').isVisible()).toBe(true);

        // {{ opens the paths of the blocks upstream; Enter inserts the chosen one.
        const userPrompt = form.getByRole('combobox', { name: 'User prompt' });
        await userPrompt.click();
        await userPrompt.pressSequentially('News of {{fe');
        const paths = page.getByRole('listbox', { name: 'Available paths' });
        await paths.waitFor();
        expect(await paths.getByRole('option').allTextContents()).toEqual(['{{fetch.status}}', '{{fetch.body}}']);
        await page.keyboard.press('ArrowDown');
        await screenshot(page, `block-settings-llm-${colorScheme}`);
        await page.keyboard.press('Enter');
        expect(await userPrompt.inputValue()).toBe('News of {{fetch.body}}');

        await form.getByRole('checkbox', { name: 'Structured output' }).check();
        await form.getByRole('group', { name: 'Field answer' }).waitFor();
        await form.getByRole('button', { name: 'Add field' }).click();
        await form.getByRole('group', { name: 'Field new field' }).getByLabel('Field name').fill('sources');
        await form.getByRole('group', { name: 'Field sources' }).getByLabel('Field type').selectOption('array');
        await form.getByLabel('Retries').fill('2');
        await form.getByLabel('First retry after (ms)').waitFor();
        await form.getByRole('button', { name: 'Add field' }).scrollIntoViewIfNeeded();
        await screenshot(page, `block-settings-schema-${colorScheme}`);

        // A transform: the preview evaluates with the engine's JSONata over a sample built from the paths.
        await node(page, 'Shape').click();
        const shape = page.getByRole('form', { name: 'Settings of Shape' });
        await shape.waitFor();
        const expression = shape.getByLabel('JSONata expression');
        await expression.fill('fetch.status + 1');
        await expect.poll(() => shape.getByLabel('Preview result').textContent()).toBe('201');
        await expression.fill('fetch.status +');
        await shape.getByRole('alert').waitFor();
        expect(await shape.getByRole('alert').textContent()).toMatch(/\(at character \d+\)$/);
        await screenshot(page, `block-settings-jsonata-${colorScheme}`);
        await expression.fill('fetch.status');

        // Saved through the API as the engine expects it.
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('5 blocks', { exact: true }).waitFor();
        const saved = await environment.api<{ workflow: typeof workflow }>('GET', `/api/agents/${agentId}/workflow`);
        const research = saved.workflow.blocks.find((block) => block.id === 'research')!;
        expect(research).toMatchObject({
          retry: { maxRetries: 2 },
          config: {
            userPrompt: 'News of {{fetch.body}}',
            enabledTools: ['search_web'],
            requiredTools: ['search_web'],
            outputSchema: { type: 'object', properties: { answer: { type: 'string' }, sources: { type: 'array', items: { type: 'string' } } }, required: ['answer', 'sources'] },
          },
        });
        expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
