import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, screenshotsDir, watchConsole } from './support/browser.js';

const webRoot = fileURLToPath(new URL('../apps/web', import.meta.url));
const previewPath = '/src/features/agents/test/editor-preview.html';

let vite: ViteDevServer;
let baseUrl: string;

beforeAll(async () => {
  // The editor has no route yet (the agents pages come with the API): Vite serves its test-only preview page.
  vite = await createServer({ configFile: `${webRoot}/vite.config.ts`, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('Vite did not listen on a port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await vite?.close();
});

describe('agent editor in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`draws a ten-block agent readably at 1280×800 (${colorScheme})`, async () => {
      const browser = await launchBrowser({ colorScheme });
      try {
        const { page } = browser;
        const problems = watchConsole(page);
        await page.goto(`${baseUrl}${previewPath}`);
        await page.locator('.react-flow__node').nth(9).waitFor();
        await page.locator('.react-flow__node', { hasText: 'Summarize' }).click();
        await page.getByRole('form', { name: 'Settings of Summarize' }).waitFor();
        // Selecting by a click is no edit.
        await page.getByText('10 blocks', { exact: true }).waitFor();
        // The viewport only: the editor fills it, and its panels scroll inside.
        mkdirSync(screenshotsDir, { recursive: true });
        await page.screenshot({ path: join(screenshotsDir, `agent-editor-${colorScheme}.png`) });
        expect(await page.locator('.react-flow__node').count()).toBe(10);
        expect(await page.locator('.react-flow__edge').count()).toBe(9);
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark');
        // Every node is inside the canvas after fitView, and no two overlap.
        const canvas = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
        const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect));
        for (const box of boxes) {
          expect(box.left).toBeGreaterThanOrEqual(canvas.x);
          expect(box.right).toBeLessThanOrEqual(canvas.x + canvas.width);
          expect(box.width).toBeGreaterThan(100);
        }
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }

  it('builds start → LLM → condition → two outputs from the palette and saves it', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      await page.goto(`${baseUrl}${previewPath}`);
      await page.locator('.react-flow__node').nth(9).waitFor();
      // Drag from the palette onto the canvas (HTML5 drag and drop).
      const canvas = page.locator('.react-flow__pane');
      await page.getByRole('button', { name: 'Add Condition' }).dragTo(canvas, { targetPosition: { x: 120, y: 80 } });
      await page.getByRole('form', { name: 'Settings of Condition' }).waitFor();
      await page.getByLabel('Condition (JSONata)').fill('rank.response = "yes"');
      await page.getByText('Ready to run').waitFor();
      // Connect Rank's output to the new condition by dragging between handles.
      await page.getByLabel('output output of Rank').dragTo(page.getByLabel('Input of Condition'));
      expect(await page.locator('.react-flow__edge').count()).toBe(10);
      await page.getByRole('button', { name: 'Save' }).click();
      const saved = await page.evaluate(() => (window as unknown as { savedWorkflows: { blocks: { type: string }[]; connections: unknown[] }[] }).savedWorkflows);
      expect(saved).toHaveLength(1);
      expect(saved[0]!.blocks.filter((block) => block.type === 'condition')).toHaveLength(2);
      expect(saved[0]!.connections).toHaveLength(10);
    } finally {
      await browser.close();
    }
  });
});
