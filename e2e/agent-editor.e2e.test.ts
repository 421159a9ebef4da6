import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startAgentEnvironment } from './support/agent-setup.js';
import { launchBrowser, screenshotsDir, watchConsole } from './support/browser.js';
import { allNodesInsidePane, waitForStillViewport } from './support/canvas.js';

const webRoot = fileURLToPath(new URL('../apps/web', import.meta.url));
const previewPath = '/src/features/agents/test/editor-preview.html';

let vite: ViteDevServer;
let baseUrl: string;

beforeAll(async () => {
  // Vite serves the editor's test-only preview page (the ten-block fixture, an empty canvas for palette tests).
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
    it(`draws a ten-block agent readably at 1280×800 in the app (${colorScheme})`, async () => {
      const browser = await launchBrowser({ colorScheme });
      const environment = await startAgentEnvironment({ emailPrefix: `editor-${colorScheme}` });
      try {
        const { page } = browser;
        const problems = watchConsole(page);
        // The ten-block fixture, laid out as "Tidy up" does, comes from the preview page; it is saved on a real
        // agent (its LLM blocks on the instance's model) and opened in the app, with the shell and side panel.
        await page.goto(`${baseUrl}${previewPath}`);
        const workflow = await page.evaluate(() => (window as unknown as { previewWorkflow: { blocks: Array<{ type: string; config: Record<string, unknown> }> } }).previewWorkflow);
        for (const block of workflow.blocks) if (block.type === 'llm_inference') block.config.model = environment.modelId;
        const agentId = await environment.createAgent(workflow, 'News digest');
        await environment.signIn(page);
        await page.goto(`${environment.server.baseUrl}/agents/${agentId}`);
        await page.locator('.react-flow__node').nth(9).waitFor();
        await waitForStillViewport(page);
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
        // Every block is inside the canvas, drawn large enough to read (at least 70 % of full size, names at least
        // 9 px high), none overlapping.
        expect(await allNodesInsidePane(page)).toBe(true);
        const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect));
        for (const [index, box] of boxes.entries()) {
          expect(box.width).toBeGreaterThanOrEqual(140);
          for (const other of boxes.slice(index + 1)) expect(box.right <= other.left || other.right <= box.left || box.bottom <= other.top || other.bottom <= box.top).toBe(true);
        }
        const nameHeights = await page.locator('.react-flow__node p.font-semibold').evaluateAll((names) => names.map((name) => name.getBoundingClientRect().height));
        expect(Math.min(...nameHeights)).toBeGreaterThanOrEqual(9);
        // The page uses the window's width: the canvas is not squeezed into the reading column.
        const canvas = await page.locator('.react-flow').evaluate((element) => element.getBoundingClientRect().width);
        expect(canvas).toBeGreaterThan(500);

        // Folding the palette to its rail and the side panel to its tab strip gives the canvas the room, and the
        // canvas frames the workflow again: every block still inside it, drawn larger than before.
        const zoomOf = () => page.locator('.react-flow__viewport').evaluate((viewport) => new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a);
        const zoomBefore = await zoomOf();
        await page.getByRole('button', { name: 'Collapse palette' }).click();
        await page.getByRole('button', { name: 'Collapse side panel' }).click();
        await page.getByRole('button', { name: 'Expand side panel' }).waitFor();
        await waitForStillViewport(page);
        const foldedCanvas = await page.locator('.react-flow').evaluate((element) => element.getBoundingClientRect().width);
        expect(foldedCanvas).toBeGreaterThan(canvas + 400);
        await page.screenshot({ path: join(screenshotsDir, `agent-editor-folded-${colorScheme}.png`) });
        expect(await allNodesInsidePane(page)).toBe(true);
        // Framed again, not just uncovered: no smaller than before, and centred in the wider canvas (unframed, the
        // blocks would keep their place from the left edge and the new room would all be on the right).
        expect(await zoomOf()).toBeGreaterThanOrEqual(zoomBefore);
        const gaps = await page.evaluate(() => {
          const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
          const boxes = [...document.querySelectorAll('.react-flow__node')].map((node) => node.getBoundingClientRect());
          return { left: Math.min(...boxes.map((box) => box.left)) - pane.left, right: pane.right - Math.max(...boxes.map((box) => box.right)) };
        });
        expect(Math.abs(gaps.left - gaps.right)).toBeLessThan(4);
        // The rail still names every block type and adds one; the strip still lists every tab.
        expect(await page.getByRole('navigation', { name: 'Blocks' }).getByRole('button').count()).toBe(13);
        expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('aria-label')))).toEqual(['Block', 'Build', 'Run', 'History', 'Versions', 'Deploy']);
        // Both choices hold after a reload; a tab pressed in the strip opens the panel on it.
        await page.reload();
        await page.locator('.react-flow__node').nth(9).waitFor();
        await page.getByRole('button', { name: 'Expand palette' }).waitFor();
        await page.getByRole('tab', { name: 'Versions' }).click();
        await page.getByRole('tabpanel').waitFor();
        expect(await page.getByRole('tab', { name: 'Versions' }).getAttribute('aria-selected')).toBe('true');
        await page.getByRole('button', { name: 'Expand palette' }).click();
        await page.getByRole('button', { name: 'Collapse palette' }).waitFor();
        await waitForStillViewport(page);
        expect(await allNodesInsidePane(page)).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
        await environment.stop();
      }
    });
  }

  it('builds start → LLM → condition → two outputs from the palette, connects them and saves', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = browser;
      const problems = watchConsole(page);
      await page.goto(`${baseUrl}${previewPath}?empty`);
      await page.getByText('0 blocks').waitFor();
      // The palette folded to its rail adds blocks too (by their labelled icons); unfolded again for the rest.
      await page.getByRole('button', { name: 'Collapse palette' }).click();
      await page.getByRole('button', { name: 'Add Output' }).click();
      await page.getByText('1 block · unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByText('0 blocks').waitFor();
      await page.getByRole('button', { name: 'Expand palette' }).click();
      // Start by dragging it from the palette onto the canvas (HTML5 drag and drop), the rest by click.
      await page.getByRole('button', { name: 'Add Start / variable' }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 80, y: 80 } });
      for (const name of ['AI agent', 'Condition', 'Output', 'Output']) await page.getByRole('button', { name: `Add ${name}` }).click();
      await page.getByText('5 blocks · unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Tidy up' }).click();
      // Tidying up frames the new layout (animated): wait until every block is inside the canvas.
      await waitForStillViewport(page);
      expect(await allNodesInsidePane(page)).toBe(true);
      // Connect by dragging from an output handle to an input handle.
      const connect = async (from: string, to: string) => {
        const before = await page.locator('.react-flow__edge').count();
        await page.getByLabel(from, { exact: true }).dragTo(page.getByLabel(to, { exact: true }));
        await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(before + 1);
      };
      await connect('output output of Start', 'Input of AI agent');
      await connect('output output of AI agent', 'Input of Condition');
      await connect('true output of Condition', 'Input of Output');
      await connect('false output of Condition', 'Input of Output 2');
      // A condition needs its expression: the editor says so until it is filled.
      await page.getByText('1 problem').waitFor();
      await page.locator('.react-flow__node', { hasText: 'Condition' }).click();
      await page.getByLabel('Condition (JSONata)').fill('$contains(`ai-agent`.response, "yes")');
      await page.getByText('Ready to run').waitFor();
      await page.getByRole('button', { name: 'Tidy up' }).click();
      await waitForStillViewport(page);
      // Dragging a block is one undo step.
      const start = page.locator('.react-flow__node', { hasText: 'Start' });
      const transformOf = () => start.evaluate((node) => (node as HTMLElement).style.transform);
      const placed = await transformOf();
      await start.hover();
      await page.mouse.down();
      await page.mouse.move(700, 600, { steps: 8 });
      await page.mouse.up();
      expect(await transformOf()).not.toBe(placed);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await transformOf()).toBe(placed);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('5 blocks', { exact: true }).waitFor();
      const saved = await page.evaluate(() => (window as unknown as { savedWorkflows: { blocks: { id: string; type: string; name: string }[]; connections: { sourceBlockId: string; sourceOutput: string; targetBlockId: string }[] }[] }).savedWorkflows);
      expect(saved).toHaveLength(1);
      const { blocks, connections } = saved[0]!;
      const nameOf = (id: string) => blocks.find((block) => block.id === id)?.name;
      expect(blocks.map((block) => block.type).sort()).toEqual(['condition', 'llm_inference', 'output', 'output', 'variable']);
      expect(connections.map((c) => `${nameOf(c.sourceBlockId)}:${c.sourceOutput} → ${nameOf(c.targetBlockId)}`)).toEqual([
        'Start:output → AI agent',
        'AI agent:output → Condition',
        'Condition:true → Output',
        'Condition:false → Output 2',
      ]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
