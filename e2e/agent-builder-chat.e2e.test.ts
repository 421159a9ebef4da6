import { builderConversationResponseSchema, userModelsResponseSchema, workflowResponseSchema, workflowVersionsResponseSchema } from '@claraverse/shared';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedWorkflow, generationAnswer, scriptAnswers } from '../apps/server/src/agents/builder/builder-test-support.js';
import { startAgentEnvironment, type AgentEnvironment } from './support/agent-setup.js';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { poll } from './support/chat-page.js';

let environment: AgentEnvironment;
beforeAll(async () => {
  environment = await startAgentEnvironment({ emailPrefix: 'builder-chat' });
});
afterAll(async () => {
  await environment?.stop();
});

/** Chromium logs 4xx answers as failed resource loads; those are expected (e.g. the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

/** What the double answers to step 1 (tool selection): a search, the time, and Slack (which needs a credential). */
const toolSelectionAnswer = JSON.stringify({
  selectedTools: [
    { toolId: 'search_web', reason: 'Find the latest AI news' },
    { toolId: 'get_current_time', reason: 'Know what “this morning” is' },
    { toolId: 'send_slack_message', reason: 'Post the digest to the team channel' },
  ],
  reasoning: 'News needs a search and the date; the digest goes to Slack.',
});
const explanation = 'Searches the web for this morning’s AI news and posts a five-point digest to Slack.';

/**
 * Holds the browser's requests to one builder route until `release` is called, then lets them through to the real
 * server unchanged: the test sees the step that is waiting without depending on how long anything takes.
 */
async function holdRequests(page: Page, path: string): Promise<{ release(): void; held(): number }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let held = 0;
  await page.route(`**${path}`, async (route: Route) => {
    held += 1;
    await gate;
    await route.continue();
  });
  return { release: () => open(), held: () => held };
}

const steps = (page: Page) => page.getByRole('list', { name: 'Generation steps' }).last().locator(':scope > li');
const stepTexts = (page: Page) => steps(page).evaluateAll((items) => items.map((item) => `${item.getAttribute('data-state')}: ${item.querySelector('p')?.textContent ?? ''}`));
const canvasBlockNames = (page: Page) => page.locator('.react-flow__node p.font-semibold').allInnerTexts();
/** The one-line summary under a block's name on the canvas. */
const canvasSummary = (page: Page, name: string) => page.locator('.react-flow__node', { has: page.locator('p.font-semibold', { hasText: new RegExp(`^${name}$`) }) }).locator('p.font-mono').textContent();

/** Whether every block is drawn inside the visible canvas (the result is framed). */
const allBlocksInView = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((node) => node.getBoundingClientRect());
    return boxes.length > 0 && boxes.every((box) => box.top >= pane.top && box.bottom <= pane.bottom && box.left >= pane.left && box.right <= pane.right);
  });

/** Signs in, opens the agent and its Build tab. */
async function openBuildTab(page: Page, agentId: string): Promise<void> {
  await environment.signIn(page);
  await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
  await page.getByRole('tab', { name: 'Build' }).click();
  await poll(() => page.getByRole('list', { name: 'Example prompts' }).count()).toBe(1);
}

async function newAgent(): Promise<string> {
  const { agent } = await environment.api<{ agent: { id: string } }>('POST', '/api/agents', { name: 'New agent' });
  return agent.id;
}

/** Types the description, watches step 1 then step 2, and waits for the result on the canvas. */
async function generateFromSentence(page: Page, agentId: string, colorScheme: 'light' | 'dark'): Promise<void> {
  const selecting = await holdRequests(page, `/api/agents/${agentId}/select-tools`);
  const generating = await holdRequests(page, `/api/agents/${agentId}/generate-with-tools`);
  scriptAnswers(environment.double, [toolSelectionAnswer, generationAnswer(generatedWorkflow(['search_web', 'get_current_time', 'send_slack_message']), explanation, { suggestedName: 'AI news digest' })]);

  const box = page.getByRole('textbox', { name: 'Describe the agent or a change' });
  await box.fill('Every morning, find the latest AI news and post a five-point digest to Slack');
  await box.press('Enter');

  await poll(() => selecting.held()).toBe(1);
  expect(await stepTexts(page)).toEqual(['running: Choosing tools…', 'waiting: Generate the workflow']);
  selecting.release();

  await poll(() => generating.held()).toBe(1);
  await poll(() => stepTexts(page)).toEqual(['done: Chose 3 tools', 'running: Generating the workflow…']);
  const chosen = page.getByRole('list', { name: 'Chosen tools' }).last();
  expect(await chosen.getByText('Post the digest to the team channel').count()).toBe(1);
  expect(await canvasBlockNames(page)).toEqual([]);
  await screenshot(page, `agent-builder-chat-steps-${colorScheme}`);
  generating.release();

  await poll(() => stepTexts(page), 15_000).toEqual(['done: Chose 3 tools', 'done: Workflow created · saved as version 1']);
  await poll(() => canvasBlockNames(page)).toEqual(['Start', 'Research', 'Result']);
  await poll(() => allBlocksInView(page)).toBe(true);
  expect(await page.getByText(explanation).count()).toBe(1);
  await page.unroute(`**/api/agents/${agentId}/select-tools`);
  await page.unroute(`**/api/agents/${agentId}/generate-with-tools`);
}

describe('the builder chat in a real browser against the OpenAI double', () => {
  it('builds an agent from a sentence, changes it, answers a question, and keeps the conversation', { timeout: 180_000 }, async () => {
    const agentId = await newAgent();
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await openBuildTab(page, agentId);
      await screenshot(page, 'agent-builder-chat-empty-light');
      await generateFromSentence(page, agentId, 'light');

      // Saved: a version with the explanation, the agent renamed from its default name, no unsaved changes.
      const versions = await environment.api<unknown>('GET', `/api/agents/${agentId}/workflow/versions`);
      expect(workflowVersionsResponseSchema.parse(versions).versions).toEqual([expect.objectContaining({ version: 1, description: explanation, blockCount: 3 })]);
      await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('AI news digest');
      expect(await page.getByText(/unsaved changes/).count()).toBe(0);
      // Slack needs a credential the user does not have: named, with a link to add it.
      const setup = page.getByRole('region', { name: 'Setup required' });
      expect(await setup.getByText('Slack', { exact: true }).count()).toBe(1);
      expect(await setup.getByRole('link', { name: 'Add a Slack credential' }).getAttribute('href')).toBe('/credentials');
      await screenshot(page, 'agent-builder-chat-light');
      // No model chosen: the block runs on the default one.
      await poll(() => canvasSummary(page, 'Research')).toBe('default model · 3 tools');

      // A change: the current workflow goes with it, and the result is version 2.
      const changed = generatedWorkflow(['search_web', 'get_current_time', 'send_slack_message']);
      Object.assign(changed.blocks[1]!.config, { model: environment.modelId });
      changed.blocks.push({ id: 'note', normalizedId: 'note', type: 'output', name: 'Digest note', config: { value: 'Posted: {{research.response}}' }, position: { x: 500, y: 350 } } as (typeof changed.blocks)[number]);
      changed.connections.push({ id: 'c3', sourceBlockId: 'research', targetBlockId: 'note' });
      const modify = scriptAnswers(environment.double, [toolSelectionAnswer, generationAnswer(changed, 'Added a note with the posted digest.')]);
      const sentBodies: unknown[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith(`/api/agents/${agentId}/generate-with-tools`)) sentBodies.push(request.postDataJSON());
      });
      const box = page.getByRole('textbox', { name: 'Describe the agent or a change' });
      await box.fill('add a note with the posted digest at the end');
      await box.press('Enter');
      await poll(() => stepTexts(page), 15_000).toEqual(['done: Chose 3 tools', 'done: Workflow changed · saved as version 2']);
      await poll(() => canvasBlockNames(page)).toEqual(['Start', 'Research', 'Result', 'Digest note']);
      // The block names its model by instance id; the canvas shows the model's name and provider.
      const model = userModelsResponseSchema.parse(await environment.api('GET', '/api/models')).models.find((candidate) => candidate.id === environment.modelId);
      await poll(() => canvasSummary(page, 'Research')).toBe(`${model?.displayName} · ${model?.providerName} · 3 tools`);
      await screenshot(page, 'agent-builder-chat-changed-light');
      // The change went with the workflow on the canvas, and the model saw it.
      const [sent] = sentBodies as Array<{ currentWorkflow?: { blocks: Array<{ id: string }> }; conversationId?: string }>;
      expect(sent?.currentWorkflow?.blocks.map((block) => block.id)).toEqual(['start', 'research', 'result']);
      expect(sent?.conversationId).toEqual(expect.any(String));
      const [, generationPrompt] = modify.prompts();
      expect(generationPrompt?.system).toContain('Research the topic.');

      // Ask mode: a plain answer; nothing changes.
      const askAnswer = 'It searches the web for AI news, then posts a digest to Slack; a note repeats it.';
      scriptAnswers(environment.double, [askAnswer]);
      await page.getByRole('radio', { name: 'Ask' }).click();
      const question = page.getByRole('textbox', { name: 'Ask about this agent' });
      await question.fill('What does this agent do?');
      await question.press('Enter');
      await poll(() => page.getByRole('group', { name: 'Answer' }).last().innerText(), 15_000).toContain(askAnswer);
      const saved = workflowResponseSchema.parse(await environment.api('GET', `/api/agents/${agentId}/workflow`));
      expect(saved.version).toBe(2);

      // The conversation is stored: after a reload it is there, each change with its version.
      // (The exchange is appended after the answer is shown: read until it is there.)
      const currentConversation = async () => builderConversationResponseSchema.parse(await environment.api('GET', `/api/agents/${agentId}/conversations/current`)).conversation;
      await poll(async () => (await currentConversation()).messages.map((message) => [message.role, message.workflowSnapshot?.version ?? null])).toEqual([
        ['user', null], ['assistant', 1], ['user', null], ['assistant', 2], ['user', null], ['assistant', null],
      ]);
      const stored = await currentConversation();
      await page.reload();
      await page.getByRole('tab', { name: 'Build' }).click();
      await poll(() => page.getByRole('group', { name: 'Builder answer' }).count()).toBe(2);
      expect(await page.getByRole('group', { name: 'Builder answer' }).first().innerText()).toContain('Created · version 1');
      expect(await page.getByText(askAnswer).count()).toBe(1);

      await screenshot(page, 'agent-builder-chat-stored-light');
      // Each change leads to the Versions tab, where the version it saved is listed.
      await page.getByRole('group', { name: 'Builder answer' }).first().getByRole('button', { name: 'View version 1' }).click();
      await poll(() => page.getByRole('tab', { name: 'Versions' }).getAttribute('aria-selected')).toBe('true');
      await poll(() => page.getByRole('listitem', { name: 'Version 1' }).count()).toBe(1);
      await page.getByRole('tab', { name: 'Build' }).click();
      await poll(() => page.getByRole('group', { name: 'Builder answer' }).count()).toBe(2);

      // Starting over: a new, empty conversation becomes the current one; the workflow stays.
      await page.getByRole('button', { name: 'New conversation' }).click();
      await poll(() => page.getByRole('list', { name: 'Example prompts' }).count()).toBe(1);
      const fresh = builderConversationResponseSchema.parse(await environment.api('GET', `/api/agents/${agentId}/conversations/current`)).conversation;
      expect(fresh.id).not.toBe(stored.id);
      expect(fresh.messages).toEqual([]);
      expect(await canvasBlockNames(page)).toEqual(['Start', 'Research', 'Result', 'Digest note']);
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a workflow the model cannot make valid as a sentence, keeps the canvas, and retries', { timeout: 120_000 }, async () => {
    const agentId = await newAgent();
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await openBuildTab(page, agentId);
      // Result → Research closes a loop; the repair round answers the same, so the server gives up with a 422.
      const looping = generatedWorkflow();
      looping.connections.push({ id: 'back', sourceBlockId: 'result', targetBlockId: 'research' });
      scriptAnswers(environment.double, [toolSelectionAnswer, generationAnswer(looping), generationAnswer(looping)]);
      const box = page.getByRole('textbox', { name: 'Describe the agent or a change' });
      await box.fill('Research a topic again and again');
      await box.press('Enter');

      const alert = page.getByRole('alert');
      await poll(() => alert.count(), 15_000).toBe(1);
      expect(await alert.locator('p').first().innerText()).toMatch(/^The builder could not make a valid workflow: .*cycle.*\. Nothing was changed\.$/i);
      expect(await stepTexts(page)).toEqual(['done: Chose 3 tools', 'failed: Generating the workflow failed']);
      expect(await canvasBlockNames(page)).toEqual([]);
      await screenshot(page, 'agent-builder-chat-failed-light');

      scriptAnswers(environment.double, [toolSelectionAnswer, generationAnswer(generatedWorkflow(), 'Researches the topic once.')]);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await poll(() => stepTexts(page), 15_000).toEqual(['done: Chose 3 tools', 'done: Workflow created · saved as version 1']);
      await poll(() => canvasBlockNames(page)).toEqual(['Start', 'Research', 'Result']);
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('reads well in the dark theme after a generation', { timeout: 120_000 }, async () => {
    const agentId = await newAgent();
    const browser = await launchBrowser({ colorScheme: 'dark' });
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await openBuildTab(page, agentId);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      await generateFromSentence(page, agentId, 'dark');
      await screenshot(page, 'agent-builder-chat-dark');
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
