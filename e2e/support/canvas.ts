import type { Page } from 'playwright-core';

/** Whether every block is drawn fully inside the visible canvas (React Flow's pane). */
export async function allNodesInsidePane(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].every((node) => {
      const box = node.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom && box.left >= pane.left && box.right <= pane.right;
    });
  });
}

/** Resolves once the canvas viewport has not moved for ten animation frames (framing animations are over). */
export async function waitForStillViewport(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
        let last = viewport.style.transform;
        let still = 0;
        const tick = () => {
          const now = viewport.style.transform;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 10) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}
