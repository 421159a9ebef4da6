import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everythingServerPath, isProcessAlive, waitForExit } from '../apps/server/src/mcp/test-mcp-servers.js';
import { createAdministratorThroughSetup, launchBrowser, screenshot, watchConsole } from './support/browser.js';
import { startServer, type RunningServer } from './support/start-server.js';

// Admin → MCP servers with the real @modelcontextprotocol/server-everything started over stdio by the server, and
// Settings → My bridge with the real claraverse-bridge CLI (apps/bridge, run from source) relaying the same package.

const admin = { name: 'Ada Admin', email: 'ada@example.test', password: 'analytical engine 1843' };
/** An env value the admin types; it must never come back to any page. */
const envSecret = 'e2e-env-secret-7f3a';

const cliPath = fileURLToPath(new URL('../apps/bridge/src/cli.ts', import.meta.url));
const cliNodeArguments = ['--conditions=claraverse-source', '--import', 'tsx', cliPath];
const execFileAsync = promisify(execFile);

/** `expect.poll` with a timeout that suits a real browser and a real MCP server starting. */
const poll = <T>(read: () => T | Promise<T>, timeout = 20_000) => expect.poll(read, { timeout });

/** Chromium logs 4xx answers as failed resource loads; those are expected (e.g. the refresh probe before sign-in). */
const isExpectedHttpError = (text: string) => /status of 4\d\d/.test(text);

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

let server: RunningServer;
let bridgeHome: string;
let bridge: ChildProcess | undefined;
let serverDetailPath = '';
let everythingPid = 0;

/** The CLI's environment: HOME is a temp folder, so its config lands in <temp>/.claraverse-bridge. */
const cliEnvironment = () => ({ PATH: process.env.PATH ?? '', HOME: bridgeHome });

async function runCli(args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [...cliNodeArguments, ...args], { env: cliEnvironment() });
  return stdout;
}

beforeAll(async () => {
  server = await startServer();
  bridgeHome = mkdtempSync(join(tmpdir(), 'claraverse-e2e-bridge-'));
});

afterAll(async () => {
  if (bridge && bridge.exitCode === null) bridge.kill('SIGKILL');
  await server?.stop();
  if (bridgeHome) rmSync(bridgeHome, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.baseUrl}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/chat$/);
}

describe('MCP pages in a real browser', () => {
  it('adds a stdio MCP server running server-everything, sees it connect and lists its tools', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await createAdministratorThroughSetup(page, server.baseUrl, admin);
      await page.getByRole('link', { name: 'Admin' }).first().click();
      await page.getByRole('link', { name: 'MCP servers' }).click();
      await page.waitForURL(/\/admin\/mcp-servers$/);
      await poll(() => page.getByText('No MCP servers yet').count()).toBe(1);
      await screenshot(page, 'admin-mcp-servers-empty-light');

      await page.getByRole('button', { name: 'Add server' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Everything');
      await page.getByLabel('Command', { exact: true }).fill(process.execPath);
      await page.getByLabel('Arguments', { exact: true }).fill(`${everythingServerPath}\nstdio`);
      await page.getByRole('button', { name: 'Add variable' }).click();
      await page.getByLabel('variable 1 name').fill('DEMO_TOKEN');
      await page.getByLabel('variable 1 value').fill(envSecret);
      await screenshot(page, 'admin-mcp-server-form-light');
      await page.getByRole('button', { name: 'Add server' }).click();

      // The new server opens on its page, connects in the background and shows the tools it discovered.
      await page.waitForURL(/\/admin\/mcp-servers\/[\w-]+$/);
      serverDetailPath = new URL(page.url()).pathname;
      await poll(() => page.getByTestId('mcp-status').innerText()).toBe('connected');
      await poll(() => page.getByTestId('mcp-tool').count()).toBeGreaterThan(5);
      const toolNames = await page.getByTestId('mcp-tool').locator('span.font-mono.font-medium').allInnerTexts();
      expect(toolNames).toEqual(expect.arrayContaining(['echo', 'get-sum']));
      expect(await page.getByText('everything__echo', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: `Tools (${toolNames.length})` }).count()).toBe(1);
      everythingPid = Number(await page.locator('dt:text-is("Process id") + dd').innerText());
      expect(isProcessAlive(everythingPid)).toBe(true);
      await screenshot(page, 'admin-mcp-server-details-light');

      // The list shows it with its status and tool count; the env value is on no page.
      await page.getByRole('link', { name: 'All MCP servers' }).click();
      await page.waitForURL(/\/admin\/mcp-servers$/);
      const row = page.getByTestId('mcp-server-row');
      await poll(() => row.getByTestId('mcp-status').innerText()).toBe('connected');
      expect(await row.innerText()).toContain(`${toolNames.length} tools`);
      await screenshot(page, 'admin-mcp-servers-light');
      await row.getByRole('button', { name: 'Edit' }).click();
      expect(await page.getByLabel('variable 1 name').inputValue()).toBe('DEMO_TOKEN');
      expect(await page.getByLabel('variable 1 value').inputValue()).toBe('');
      expect(await page.getByText('set', { exact: true }).count()).toBe(1);
      expect(await page.content()).not.toContain(envSecret);
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Disable stops the process; enable starts a new one that connects again.
      await row.getByRole('button', { name: 'Disable' }).click();
      await poll(() => row.getByTestId('mcp-status').innerText()).toBe('disabled');
      await waitForExit(everythingPid);
      await row.getByRole('button', { name: 'Enable' }).click();
      await poll(() => row.getByTestId('mcp-status').innerText()).toBe('connected');
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('creates a bridge key on My bridge, connects the real claraverse-bridge with the shown commands and lists its tools', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const problems = watchConsole(page);
    try {
      await signIn(page);
      await page.goto(`${server.baseUrl}/settings`);
      await page.getByRole('button', { name: 'My bridge' }).click();
      await page.waitForURL(/tab=bridge$/);
      await poll(() => page.getByTestId('bridge-state').innerText()).toBe('not connected');
      await page.getByRole('button', { name: 'Create a bridge key' }).click();
      const loginCommand = page.getByText(/^claraverse-bridge login --url \S+ --key clv_[0-9a-f]{64}$/);
      await poll(() => loginCommand.count()).toBe(1);
      await screenshot(page, 'settings-bridge-key-light');

      // The login command exactly as the page shows it.
      const [program, ...loginArguments] = (await loginCommand.innerText()).split(' ');
      expect(program).toBe('claraverse-bridge');
      expect(loginArguments.slice(0, 3)).toEqual(['login', '--url', server.baseUrl]);
      expect(await runCli(loginArguments)).toContain(`Signed in to ${server.baseUrl}`);
      await runCli(['add', 'Everything', '--', process.execPath, everythingServerPath, 'stdio']);
      bridge = spawn(process.execPath, [...cliNodeArguments, 'start'], { env: cliEnvironment(), stdio: 'ignore' });

      await poll(() => page.getByTestId('bridge-state').innerText(), 30_000).toBe('connected');
      const group = page.getByRole('region', { name: 'Tools of Everything' });
      await poll(() => group.getByRole('listitem').count()).toBeGreaterThan(5);
      expect(await group.getByText('echo', { exact: true }).count()).toBe(1);
      await poll(() => page.getByTestId('bridge-heartbeat').innerText()).toMatch(/^(just now|\d+ s ago)$/);
      await screenshot(page, 'settings-bridge-connected-light');
      expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('renders the MCP pages in dark theme and at 360 px wide without overflowing, then deletes the server', { timeout: 240_000 }, async () => {
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
        await page.goto(`${server.baseUrl}/admin/mcp-servers`);
        await poll(() => page.getByTestId('mcp-status').innerText()).toBe('connected');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `admin-mcp-servers-${variant.suffix}`);
        await page.goto(`${server.baseUrl}${serverDetailPath}`);
        await poll(() => page.getByTestId('mcp-tool').count()).toBeGreaterThan(5);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `admin-mcp-server-details-${variant.suffix}`);
        await page.getByRole('button', { name: 'Edit' }).click();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `admin-mcp-server-form-${variant.suffix}`);
        await page.goto(`${server.baseUrl}/settings?tab=bridge`);
        await poll(() => page.getByTestId('bridge-state').innerText()).toBe('connected');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `settings-bridge-${variant.suffix}`);
        expect(problems.filter((text) => !isExpectedHttpError(text))).toEqual([]);
      } finally {
        await browser.close();
      }
    }

    const browser = await launchBrowser();
    const { page } = browser;
    try {
      await signIn(page);
      // The bridge stops: the page notices by itself.
      await page.goto(`${server.baseUrl}/settings?tab=bridge`);
      await poll(() => page.getByTestId('bridge-state').innerText()).toBe('connected');
      const bridgeExited = new Promise((resolve) => bridge!.once('exit', resolve));
      bridge!.kill('SIGTERM');
      await bridgeExited;
      await poll(() => page.getByTestId('bridge-state').innerText()).toBe('not connected');

      // Deleting asks first, then stops the server's process.
      await page.goto(`${server.baseUrl}${serverDetailPath}`);
      await poll(() => page.getByTestId('mcp-status').innerText()).toBe('connected');
      const pid = Number(await page.locator('dt:text-is("Process id") + dd').innerText());
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete server' }).click();
      await page.waitForURL(/\/admin\/mcp-servers$/);
      await poll(() => page.getByText('No MCP servers yet').count()).toBe(1);
      await waitForExit(pid);
    } finally {
      await browser.close();
    }
  });
});
