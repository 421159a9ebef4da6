import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { startServer, type RunningServer } from './support/start-server.js';

const admin = { name: 'Ada Admin', email: 'ada@example.test', password: 'analytical engine 1843' };
const member = { name: 'Grace Member', email: 'grace@example.test', password: 'compiler pioneer 1952' };

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** Expected noise: a 401/403 answer is logged by Chromium as a failed resource load. */
const isExpectedHttpError = (text: string) => /status of 40[13]/.test(text);

describe('first run, sign-in and approval in a real browser', () => {
  it('creates the admin on first run, signs out and back in, and approves a second user who then signs in', async () => {
    const adminBrowser = await launchBrowser();
    const { page } = adminBrowser;
    const problems = watchConsole(page);
    try {
      // First run → the setup page creates the administrator.
      await page.goto(server.baseUrl);
      await page.waitForURL(/\/setup$/);
      await screenshot(page, 'setup-light');
      await page.getByLabel('Name', { exact: true }).fill(admin.name);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByLabel('Confirm password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.waitForURL(/\/chat$/);
      await expect.poll(() => page.getByRole('link', { name: 'Admin' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'app-after-setup-light');

      // Sign out → sign in.
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/signin$/);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill('not the right password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByText(/wrong email or password/i).count()).toBeGreaterThan(0);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/chat$/);

      // A second person registers in another browser → pending.
      const memberBrowser = await launchBrowser();
      try {
        const memberPage = memberBrowser.page;
        await memberPage.goto(`${server.baseUrl}/register`);
        await memberPage.getByLabel('Name', { exact: true }).fill(member.name);
        await memberPage.getByLabel('Email', { exact: true }).fill(member.email);
        await memberPage.getByLabel('Password', { exact: true }).fill(member.password);
        await memberPage.getByRole('button', { name: 'Create account' }).click();
        await memberPage.waitForURL(/\/pending$/);
        await expect.poll(() => memberPage.getByText(/approv/i).count()).toBeGreaterThan(0);
        await screenshot(memberPage, 'pending-light');

        // The admin approves them in Admin → Users.
        await page.goto(`${server.baseUrl}/admin/users`);
        await page.getByTestId(`approve-${member.email}`).click();
        await expect.poll(() => page.getByTestId(`approve-${member.email}`).count()).toBe(0);
        await screenshot(page, 'admin-users-light');

        // The member signs in.
        await memberPage.goto(`${server.baseUrl}/signin`);
        await memberPage.getByLabel('Email', { exact: true }).fill(member.email);
        await memberPage.getByLabel('Password', { exact: true }).fill(member.password);
        await memberPage.getByRole('button', { name: 'Sign in' }).click();
        await memberPage.waitForURL(/\/chat$/);
        expect(await memberPage.getByRole('link', { name: 'Admin' }).count()).toBe(0);
      } finally {
        await memberBrowser.close();
      }
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await adminBrowser.close();
    }

    // The server's logs of the whole run carry no password and no token.
    const logs = server.logLines.join('\n');
    for (const secret of [admin.password, member.password, 'not the right password']) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/"(accessToken|refreshToken)":"ey/);
    const hashes = await server.app.database.db.selectFrom('users').select('password_hash').execute();
    for (const { password_hash: hash } of hashes) expect(logs).not.toContain(hash);
  });

  it('renders the signed-in app in dark theme and at 360 px wide without overflowing', async () => {
    const browser = await launchBrowser({ colorScheme: 'dark', width: 360 });
    const { page } = browser;
    try {
      await page.goto(`${server.baseUrl}/signin`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await screenshot(page, 'signin-dark-360');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/chat$/);
      // The chat page, with no provider configured yet in this test.
      await expect.poll(() => page.getByText('No models yet', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
      expect(isDark).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'chat-dark-360');
      await page.goto(`${server.baseUrl}/admin/users`);
      await expect.poll(() => page.getByText(member.email).count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, 'admin-users-dark-360');
      await page.goto(`${server.baseUrl}/settings`);
      await screenshot(page, 'settings-dark-360');
    } finally {
      await browser.close();
    }
  });
});
