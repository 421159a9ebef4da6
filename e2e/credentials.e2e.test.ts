import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDoubleServer, type DoubleServer } from '../apps/server/src/test/llm-doubles/double-server.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from '../apps/server/src/test/llm-doubles/openai-double.js';
import type { DirectScenario, DoubleScenario } from '../apps/server/src/test/llm-doubles/scenarios.js';
import { createAdministratorThroughSetup, launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { lastAssistant, poll, sendMessage } from './support/chat-page.js';
import { startServer, type RunningServer } from './support/start-server.js';

// The Credentials page with the real server and the real Slack integration: a person adds a Slack incoming-webhook
// credential through the form, tests it, then asks the model in chat to post to Slack. The server's Slack base URL
// (https://hooks.slack.com) is redirected to a double of Slack's webhooks through INTEGRATION_BASE_URLS, which
// answers as Slack documents: a live hook answers an empty payload `400 no_text` and a message `200 ok`.

const admin = { name: 'Ada Admin', email: 'ada.credentials@example.test', password: 'analytical engine 1843' };
const doubleKey = 'double-key';
const hookPath = '/services/T0E2E0001/B0E2E0002/e2eWebhookSecretPart0001';
const webhookUrl = `https://hooks.slack.com${hookPath}`;
const slackMessage = 'Deploy finished: build 42 is live on production.';

/** The model posts to Slack when asked to, then reports the tool's answer. */
const slackModel: DoubleScenario = {
  kind: 'dynamic',
  respond(body): DirectScenario {
    const messages = (body as { messages?: Array<{ role: string; content?: unknown }> }).messages ?? [];
    const result = messages.find((message) => message.role === 'tool');
    if (result) return { kind: 'reply', text: `Slack answered: ${String(result.content).slice(0, 200)}`, tokenDelayMs: 1 };
    const asked = JSON.stringify(messages.filter((message) => message.role === 'user').at(-1)?.content ?? '').toLowerCase();
    return asked.includes('slack')
      ? { kind: 'reply', toolCalls: [{ id: 'call_slack', name: 'send_slack_message', arguments: { text: slackMessage } }] }
      : { kind: 'reply', text: 'No tool needed.' };
  },
};

/** Chromium logs 4xx answers as failed resource loads; those are expected (e.g. the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

let server: RunningServer;
let double: OpenAiMediaDouble;
let slack: DoubleServer;

beforeAll(async () => {
  double = await startOpenAiDouble({ apiKey: doubleKey, models: ['double-model'], scenario: slackModel });
  slack = await startDoubleServer(async ({ response, recorded }) => {
    const isLiveHook = recorded.method === 'POST' && recorded.path === hookPath && recorded.headers['content-type'] === 'application/json';
    const hasText = typeof (recorded.body as { text?: unknown } | undefined)?.text === 'string';
    const [status, text] = !isLiveHook ? [404, 'no_service'] : hasText ? [200, 'ok'] : [400, 'no_text'];
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(text);
  });
  server = await startServer({
    // The doubles listen on loopback, which the outbound guard refuses unless allowed.
    OUTBOUND_ALLOWLIST: '127.0.0.1/32',
    INTEGRATION_BASE_URLS: JSON.stringify({ 'https://hooks.slack.com': slack.origin }),
  });
});
afterAll(async () => {
  await server?.stop();
  await double?.close();
  await slack?.close();
});

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.baseUrl}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/chat$/);
}

async function adminHeaders(): Promise<{ authorization: string }> {
  const login = await server.app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
  return { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
}

/** The administrator's chat provider: the OpenAI double. */
async function addChatProvider(): Promise<void> {
  const headers = await adminHeaders();
  const created = await server.app.http.inject({ method: 'POST', url: '/api/admin/providers', headers, payload: { name: 'Local double', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: doubleKey, enabled: true } });
  const providerId = created.json<{ provider: { id: string } }>().provider.id;
  expect((await server.app.http.inject({ method: 'POST', url: `/api/admin/providers/${providerId}/fetch-models`, headers })).statusCode).toBe(200);
}

/** A second Slack credential whose hook the double does not know (Slack answers `404 no_service`). */
async function addRevokedSlackCredential(): Promise<void> {
  const payload = { name: 'Revoked Slack', integrationType: 'slack', data: { webhook_url: 'https://hooks.slack.com/services/T0E2E0001/B0E2E0009/revokedRevokedRevoked01' } };
  expect((await server.app.http.inject({ method: 'POST', url: '/api/credentials', headers: await adminHeaders(), payload })).statusCode).toBe(201);
}

const slackCard = (page: Page) => page.getByTestId('integration-card').filter({ has: page.getByRole('heading', { name: /^Slack/ }) });
const credentialRow = (page: Page) => page.getByTestId('credential-row').filter({ hasText: 'Team Slack' });

describe('credentials in a real browser', () => {
  it('adds a Slack webhook credential, tests it against Slack, and posts to Slack from chat', { timeout: 240_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await createAdministratorThroughSetup(page, server.baseUrl, admin);
      await addChatProvider();
      await page.getByRole('link', { name: 'Credentials' }).first().click();
      await page.waitForURL(/\/credentials$/);
      await poll(() => page.getByText('No credentials yet').count()).toBe(1);
      await page.getByRole('searchbox', { name: 'Search services' }).fill('slack');
      await poll(() => slackCard(page).count()).toBe(1);

      // The form comes from the integration's fields: the webhook URL is a masked, required input.
      await slackCard(page).getByRole('button', { name: 'Add Slack credential' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a Slack credential' });
      await dialog.getByLabel('Name', { exact: true }).fill('Team Slack');
      const webhook = dialog.getByLabel('Webhook URL', { exact: true });
      expect(await webhook.getAttribute('type')).toBe('password');
      await webhook.fill('https://example.com/not-slack');
      await dialog.getByRole('button', { name: 'Save credential' }).click();
      await poll(() => webhook.getAttribute('aria-invalid')).toBe('true');
      await webhook.fill(webhookUrl);
      await screenshot(page, 'credentials-add-slack-light');
      await dialog.getByRole('button', { name: 'Save credential' }).click();
      await poll(() => dialog.count()).toBe(0);

      // Listed masked, never in clear; the Slack card says its tool is ready in chat.
      await poll(() => credentialRow(page).count()).toBe(1);
      expect(await credentialRow(page).innerText()).toContain('https://hooks.slack.…Part0001');
      expect(await page.locator('body').innerText()).not.toContain(webhookUrl);
      await poll(() => slackCard(page).getByText('Ready', { exact: true }).count()).toBe(1);
      expect(await page.getByTestId('ready-summary').innerText()).toBe('Ready in your chats: 1 tool from Slack.');

      // The live test posts an empty payload (Slack answers no_text for a live hook: nothing reaches the channel).
      await credentialRow(page).getByRole('button', { name: 'Test Team Slack' }).click();
      const result = credentialRow(page).getByTestId('credential-test-result');
      await poll(() => result.getAttribute('data-status')).toBe('success');
      expect(await result.innerText()).toContain('Connected to the Slack webhook (checked without posting a message).');
      expect(slack.requests).toMatchObject([{ method: 'POST', path: hookPath, body: {} }]);
      await page.getByRole('searchbox', { name: 'Search services' }).fill('');
      await screenshot(page, 'credentials-light');

      // In chat the model calls send_slack_message; Slack receives exactly the message.
      await page.getByRole('link', { name: 'Chat' }).first().click();
      await page.waitForURL(/\/chat$/);
      await page.getByRole('button', { name: /Choose a model|double-model/ }).click();
      await page.getByRole('option', { name: /^double-model\b/ }).click();
      await sendMessage(page, 'Tell the team on Slack that the deploy finished');
      const toolCard = lastAssistant(page).getByRole('group', { name: 'Tool: Send Slack Message' });
      await poll(() => toolCard.count(), 20_000).toBe(1);
      await poll(() => toolCard.getAttribute('data-status'), 60_000).toBe('completed');
      await poll(() => lastAssistant(page).getAttribute('data-status'), 30_000).toBe('done');
      expect(await lastAssistant(page).innerText()).toContain('Slack answered:');
      expect(slack.requests).toHaveLength(2);
      expect(slack.requests[1]).toMatchObject({ method: 'POST', path: hookPath, body: { text: slackMessage } });
      expect(slack.requests[1]!.headers['content-type']).toBe('application/json');
      await screenshot(page, 'credentials-chat-slack-light');

      // The use is counted on the credential.
      await page.getByRole('link', { name: 'Credentials' }).first().click();
      await poll(() => credentialRow(page).innerText()).toContain('Used once');

      // A hook Slack no longer knows fails its test with Slack's own words, and is deleted after confirming.
      await addRevokedSlackCredential();
      await page.reload();
      const revoked = page.getByTestId('credential-row').filter({ hasText: 'Revoked Slack' });
      await revoked.getByRole('button', { name: 'Test Revoked Slack' }).click();
      const failure = revoked.getByTestId('credential-test-result');
      await poll(() => failure.getAttribute('data-status')).toBe('failed');
      expect(await failure.innerText()).toContain('no_service');
      await screenshot(page, 'credentials-test-failed-light');
      await revoked.getByRole('button', { name: 'Delete Revoked Slack' }).click();
      await page.getByRole('dialog', { name: 'Delete Revoked Slack?' }).getByRole('button', { name: 'Delete credential' }).click();
      await poll(() => revoked.count()).toBe(0);
      expect(await credentialRow(page).count()).toBe(1);
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('renders the credentials page and its form in dark theme and at 360 px wide without overflowing', { timeout: 180_000 }, async () => {
    const variants = [
      { colorScheme: 'dark' as const, width: 1280, suffix: 'dark' },
      { colorScheme: 'light' as const, width: 360, suffix: 'light-360' },
      { colorScheme: 'dark' as const, width: 360, suffix: 'dark-360' },
    ];
    for (const variant of variants) {
      const browser = await launchBrowser({ colorScheme: variant.colorScheme, width: variant.width });
      const { page } = browser;
      const problems = watchConsole(page);
      try {
        await signIn(page);
        await page.goto(`${server.baseUrl}/credentials`);
        await poll(() => credentialRow(page).count()).toBe(1);
        await poll(() => slackCard(page).getByText('Ready', { exact: true }).count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(variant.colorScheme === 'dark');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `credentials-${variant.suffix}`);
        await credentialRow(page).getByRole('button', { name: 'Edit Team Slack' }).click();
        const dialog = page.getByRole('dialog', { name: 'Edit Team Slack' });
        await poll(() => dialog.count()).toBe(1);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `credentials-edit-${variant.suffix}`);
        await page.keyboard.press('Escape');
        await poll(() => dialog.count()).toBe(0);
        expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
      } finally {
        await browser.close();
      }
    }
  });
});
