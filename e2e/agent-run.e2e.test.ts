import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { poll } from './support/chat-page.js';
import { llmWorkflow, startAgentEnvironment, type AgentEnvironment } from './support/agent-setup.js';

let environment: AgentEnvironment;
beforeAll(async () => {
  environment = await startAgentEnvironment({ emailPrefix: 'agent-run' });
});
afterAll(async () => {
  await environment?.stop();
});

describe('running an agent in a real browser', () => {
  it('opens an agent made through the API in the editor', { timeout: 120_000 }, async () => {
    const agentId = await environment.createAgent(llmWorkflow(environment.modelId), 'Quick answer');
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await environment.signIn(page);
      await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
      await poll(() => page.getByRole('heading', { level: 1, name: 'Quick answer' }).count()).toBe(1);
      await screenshot(page, 'agent-run-editor-light');
      expect(problems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
