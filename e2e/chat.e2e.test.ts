import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiDouble, type OpenAiDouble } from '../apps/server/src/test/llm-doubles/openai-double.js';
import { createAdministratorThroughSetup, launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { startServer, type RunningServer } from './support/start-server.js';
import { lastAssistant, lastUser, messages, poll, sendMessage } from './support/chat-page.js';

const admin = { name: 'Ada Admin', email: 'ada@example.test', password: 'analytical engine 1843' };
const doubleKey = 'double-key';
const doubleModels = ['double-model', 'double-model-mini'];

/** The markdown the double answers with: a heading, a list, a fenced code block and a table. */
const markdownReply = [
  '## Release checklist',
  '',
  'Before shipping, check these:',
  '',
  '- run the **tests**',
  '- update the changelog',
  '- tag the release',
  '',
  '```ts',
  'const answer: number = 42;',
  'console.log(answer);',
  '```',
  '',
  '| Step | Owner |',
  '| ---- | ----- |',
  '| Build | Ada |',
  '| Ship | Grace |',
  '',
  'Good luck with the launch.',
].join('\n');


/** `word1 word2 … wordN`, what the double streams for `wordCount: N`. */
const wordsUpTo = (count: number) => Array.from({ length: count }, (_, index) => `word${index + 1}`).join(' ');

let server: RunningServer;
let double: OpenAiDouble;
beforeAll(async () => {
  double = await startOpenAiDouble({ apiKey: doubleKey, models: doubleModels });
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  await double?.close();
});

/** Chromium logs 4xx answers as failed resource loads; those are expected (e.g. the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

/** The conversation's title bar (the chat's own heading, not headings inside the messages). */
const chatTitle = (page: Page) => page.getByRole('region', { name: 'Conversation' }).locator('h2').first();

/** The chat messages in the browser's IndexedDB (the user's Dexie database), read with the raw API. */
async function storedMessages(page: Page, userId: string): Promise<Array<{ role: string; status: string; content: string }>> {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('messages').objectStore('messages').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve(all.result as Array<{ role: string; status: string; content: string }>);
        };
      }),
    `claraverse-chat-${userId}`,
  );
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}


describe('chat in a real browser against the OpenAI double', () => {
  it('adds a provider, fetches models, streams markdown, stops, regenerates, survives a reload and a network drop', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    const { page, context } = browser;
    const problems = watchConsole(page);
    try {
      // First run: the administrator.
      await createAdministratorThroughSetup(page, server.baseUrl, admin);
      await poll(() => page.getByText('No models yet', { exact: true }).count()).toBeGreaterThan(0);
      await screenshot(page, 'chat-no-models-light');

      // Admin → Providers: add an OpenAI-compatible provider that points at the double.
      await page.getByRole('link', { name: 'Admin' }).first().click();
      await page.getByRole('link', { name: 'Providers' }).click();
      await page.waitForURL(/\/admin\/providers$/);
      await poll(() => page.getByText('No providers yet').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Add provider' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Local double');
      await page.getByLabel('Kind', { exact: true }).selectOption('openai-compatible');
      await page.getByLabel('Base URL', { exact: true }).fill(double.baseUrl);
      await page.getByLabel('API key', { exact: true }).fill(doubleKey);
      await screenshot(page, 'admin-provider-form-light');
      await page.getByRole('button', { name: 'Add provider' }).click();
      await poll(() => page.getByText(double.baseUrl, { exact: true }).count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Fetch models' }).click();
      await poll(() => page.getByText(/· 2 models/).count()).toBeGreaterThan(0);
      expect(double.requests.filter((request) => request.path === '/v1/models')).toHaveLength(1);
      expect(double.requests[0]?.headers.authorization).toBe(`Bearer ${doubleKey}`);
      await screenshot(page, 'admin-providers-light');

      // Admin → Models lists both.
      await page.getByRole('link', { name: 'Models', exact: true }).first().click();
      await page.waitForURL(/\/admin\/models/);
      for (const model of doubleModels) await poll(() => page.getByText(model, { exact: true }).count()).toBeGreaterThan(0);
      await screenshot(page, 'admin-models-light');

      // Chat: pick the model and send; the reply streams in and renders as markdown.
      double.setScenario({ kind: 'reply', text: markdownReply, tokenDelayMs: 60 });
      await page.goto(`${server.baseUrl}/chat`);
      await page.getByRole('button', { name: /Choose a model|double-model/ }).click();
      await page.getByRole('option', { name: /^double-model\b(?!-mini)/ }).click();
      await poll(() => page.getByRole('button', { name: /^double-model$/ }).count()).toBe(1);
      await sendMessage(page, 'How do I ship a release?');
      await page.waitForURL(/\/chat\/[\w-]+$/);
      await poll(() => messages(page).count()).toBe(2);
      // Progressive: the reply shows part of the text while the Stop button is still there…
      await poll(() => lastAssistant(page).getByText('Before shipping').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(1);
      const partial = await lastAssistant(page).innerText();
      expect(partial).not.toContain('Good luck with the launch');
      await screenshot(page, 'chat-streaming-light');
      // …then all of it, as markdown.
      await poll(() => lastAssistant(page).getAttribute('data-status'), 15_000).toBe('done');
      const reply = lastAssistant(page);
      expect(await reply.locator('h2').innerText()).toBe('Release checklist');
      expect(await reply.locator('li').count()).toBe(3);
      expect(await reply.locator('li strong').innerText()).toBe('tests');
      expect(await reply.locator('pre code').innerText()).toContain('const answer: number = 42;');
      expect(await reply.locator('pre code .hljs-keyword').count()).toBeGreaterThan(0);
      expect(await reply.locator('table th').allInnerTexts()).toEqual(['Step', 'Owner']);
      expect(await reply.locator('table td').allInnerTexts()).toEqual(['Build', 'Ada', 'Ship', 'Grace']);
      expect(await reply.getByText('Good luck with the launch.').count()).toBe(1);
      const chatUrl = page.url();
      // The title is generated after the first exchange by the same model, so it comes from this reply's first
      // line. Wait for it before changing the double's scenario, or the title request may get the next one.
      await poll(() => chatTitle(page).innerText()).toBe('Release checklist');
      // The request the double got carries the conversation.
      const firstChat = double.requests.find((request) => request.path === '/v1/chat/completions' && (request.body as { stream?: boolean }).stream === true);
      expect(JSON.stringify(firstChat?.body)).toContain('How do I ship a release?');
      await screenshot(page, 'chat-markdown-light');

      // Stop a slow reply: the double sees its request closed, the UI shows the reply stopped.
      double.setScenario({ kind: 'reply', wordCount: 400, tokenDelayMs: 50 });
      await sendMessage(page, 'Count slowly, please.');
      await poll(() => messages(page).count()).toBe(4);
      await poll(() => lastAssistant(page).getByText(/word5\b/).count(), 10_000).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Stop' }).click();
      const [abortedRequest] = await double.waitForAborted(1, 5_000);
      expect(abortedRequest?.path).toBe('/v1/chat/completions');
      await poll(() => lastAssistant(page).getAttribute('data-status')).toBe('stopped');
      await poll(() => lastAssistant(page).getByText('Stopped.', { exact: true }).count()).toBe(1);
      const stoppedText = await lastAssistant(page).locator('.markdown-content').innerText();
      expect(stoppedText).toMatch(/^word1 word2 word3 word4 word5\b/);
      expect(stoppedText).not.toContain('word400');
      await poll(() => page.getByRole('button', { name: 'Send' }).count()).toBe(1);

      // Regenerate: a second version appears; ‹ › move between them.
      double.setScenario({ kind: 'reply', text: 'The **second** version of this answer.', tokenDelayMs: 10 });
      await lastAssistant(page).getByRole('button', { name: 'Regenerate', exact: true }).click();
      await poll(() => lastAssistant(page).getByText('version of this answer.').count(), 10_000).toBe(1);
      await poll(() => lastAssistant(page).getAttribute('data-status')).toBe('done');
      await poll(() => lastAssistant(page).getByLabel('version 2 of 2').count()).toBe(1);
      await lastAssistant(page).getByRole('button', { name: 'Previous version' }).click();
      await poll(() => lastAssistant(page).getByLabel('version 1 of 2').count()).toBe(1);
      expect(await lastAssistant(page).locator('.markdown-content').innerText()).toBe(stoppedText);
      await lastAssistant(page).getByRole('button', { name: 'Next version' }).click();
      await poll(() => lastAssistant(page).getByLabel('version 2 of 2').count()).toBe(1);
      expect(await lastAssistant(page).locator('.markdown-content strong').innerText()).toBe('second');
      await screenshot(page, 'chat-versions-light');

      // Reload: the conversation and its messages come back from IndexedDB.
      await page.reload();
      expect(page.url()).toBe(chatUrl);
      await poll(() => messages(page).count(), 10_000).toBe(4);
      await poll(() => chatTitle(page).innerText()).toBe('Release checklist');
      await poll(() => messages(page).nth(1).getByRole('heading', { name: 'Release checklist', exact: true }).count()).toBe(1);
      expect(await lastAssistant(page).getByLabel('version 2 of 2').count()).toBe(1);
      expect(await page.getByRole('complementary', { name: 'Chats' }).getByRole('link').count()).toBeGreaterThan(0);

      // Network drop mid-reply: the rest arrives after the reconnect, exactly once.
      const dropWords = 120;
      double.setScenario({ kind: 'reply', wordCount: dropWords, tokenDelayMs: 30 });
      await sendMessage(page, 'Count again, and do not stop if my connection drops.');
      await poll(() => lastAssistant(page).getByText(/word10\b/).count(), 10_000).toBeGreaterThan(0);
      await context.setOffline(true);
      await poll(() => page.getByText(/Connection lost — reconnecting/).count(), 10_000).toBeGreaterThan(0);
      await screenshot(page, 'chat-reconnecting-light');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await context.setOffline(false);
      await poll(() => lastAssistant(page).getAttribute('data-status'), 20_000).toBe('done');
      await poll(() => page.getByText(/Connection lost/).count()).toBe(0);
      expect(await lastAssistant(page).locator('.markdown-content').innerText()).toBe(wordsUpTo(dropWords));
      expect(double.aborted).toHaveLength(1);

      // The server drops the socket mid-reply (a proxy restart): same result.
      await sendMessage(page, 'Once more, please.');
      await poll(() => lastAssistant(page).getByText(/word10\b/).count(), 10_000).toBeGreaterThan(0);
      const adminRow = await server.app.database.db.selectFrom('users').select('id').where('email', '=', admin.email).executeTakeFirstOrThrow();
      const connections = server.app.realtimeHub.connectionsOf(adminRow.id);
      expect(connections.length).toBeGreaterThan(0);
      for (const connection of connections) connection.close(1012, 'service restart');
      await poll(() => lastAssistant(page).getAttribute('data-status'), 20_000).toBe('done');
      expect(await lastAssistant(page).locator('.markdown-content').innerText()).toBe(wordsUpTo(dropWords));

      // A reload mid-reply picks the reply up from what IndexedDB had and resumes the rest.
      await sendMessage(page, 'And one last time.');
      await poll(() => lastAssistant(page).getByText(/word30\b/).count(), 10_000).toBeGreaterThan(0);
      const shownBeforeReload = await messages(page).count();
      await page.reload();
      await poll(() => lastUser(page).innerText(), 10_000).toBe('And one last time.');
      // The new reply itself, under the last question (not the previous answer, which has the same words).
      await poll(() => messages(page).count(), 10_000).toBe(shownBeforeReload);
      await poll(() => messages(page).last().getAttribute('data-status'), 20_000).toBe('done');
      expect(await messages(page).last().getAttribute('data-role')).toBe('assistant');
      expect(await lastAssistant(page).locator('.markdown-content').innerText()).toBe(wordsUpTo(dropWords));
      expect(double.aborted).toHaveLength(1);

      // …and it is stored that way: every message (both versions of the regenerated one), none left in flight.
      await page.reload();
      await poll(() => lastAssistant(page).locator('.markdown-content').innerText(), 10_000).toBe(wordsUpTo(dropWords));
      // Writes to IndexedDB are batched: wait for the last one rather than read at once.
      await poll(async () => (await storedMessages(page, adminRow.id)).length).toBe(11);
      const stored = await storedMessages(page, adminRow.id);
      expect(stored.filter((message) => message.status === 'sending' || message.status === 'streaming')).toEqual([]);
      expect(stored.filter((message) => message.content === wordsUpTo(dropWords))).toHaveLength(3);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } catch (error) {
      await screenshot(page, 'chat-failure').catch(() => undefined);
      console.error('console problems:', problems);
      throw error;
    } finally {
      await browser.close();
    }
  });

  it('renders the chat and the admin pages in dark theme and at 360 px wide without overflowing', { timeout: 120_000 }, async () => {
    for (const variant of [{ colorScheme: 'dark' as const, width: 1280, suffix: 'dark' }, { colorScheme: 'light' as const, width: 360, suffix: 'light-360' }, { colorScheme: 'dark' as const, width: 360, suffix: 'dark-360' }]) {
      const browser = await launchBrowser({ colorScheme: variant.colorScheme, width: variant.width });
      const { page } = browser;
      const problems = watchConsole(page);
      try {
        await page.goto(`${server.baseUrl}/signin`);
        await page.getByLabel('Email', { exact: true }).fill(admin.email);
        await page.getByLabel('Password', { exact: true }).fill(admin.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/chat$/);
        // A fresh browser has no chats (they live in the browser): write one with markdown.
        double.setScenario({ kind: 'reply', text: markdownReply, tokenDelayMs: 0 });
        await sendMessage(page, 'How do I ship a release? Give me the checklist with a table and a code sample.');
        await poll(() => lastAssistant(page).getAttribute('data-status'), 15_000).toBe('done');
        await poll(() => lastAssistant(page).getByRole('heading', { name: 'Release checklist', exact: true }).count()).toBe(1);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `chat-${variant.suffix}`);
        if (variant.width < 1024) {
          await page.getByRole('button', { name: 'Chats', exact: true }).click();
          await screenshot(page, `chat-drawer-${variant.suffix}`);
          await page.getByRole('button', { name: 'Close chats' }).click();
        }
        await page.goto(`${server.baseUrl}/admin/providers`);
        await poll(() => page.getByText('Local double').count()).toBeGreaterThan(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `admin-providers-${variant.suffix}`);
        await page.goto(`${server.baseUrl}/admin/models`);
        await poll(() => page.getByText('double-model-mini', { exact: true }).count()).toBeGreaterThan(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `admin-models-${variant.suffix}`);
        expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
      } finally {
        await browser.close();
      }
    }
  });
});
