// Measuring a chat open in bench/chat-ui-open: when a chat counts as open, and timing a navigation or a click.
import type { Page } from 'playwright-core';
import { endMarker } from './seeded-chat.js';

/**
 * In the page: the last message (the only one with the end marker) is in the list's viewport, scrolled to the end,
 * with its markdown rendered, code highlighted. Found by its text, not its row index: a long chat first shows only
 * its newest rows.
 */
export function isChatOpen({ marker }: { marker: string }): boolean {
  const list = document.querySelector('[data-testid="message-list"]');
  const last = [...(list?.querySelectorAll('[data-testid="message"]') ?? [])].find((row) => (row.textContent ?? '').includes(marker));
  if (!list || !last || !last.querySelector('.markdown-content code.hljs')) return false;
  const listBox = list.getBoundingClientRect();
  const box = last.getBoundingClientRect();
  return box.bottom <= listBox.bottom + 1 && box.bottom > listBox.top && list.scrollHeight - list.scrollTop - list.clientHeight < 2;
}

export const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
};
export const round = (value: number) => Math.round(value * 10) / 10;

/** Waits (each animation frame) until the chat is open; `performance.now()` then. */
export async function waitUntilOpen(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (arg) => {
      const open = (window as unknown as { isChatOpen: (value: typeof arg) => boolean }).isChatOpen;
      return open(arg) ? performance.now() : false;
    },
    { marker: endMarker },
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Times from navigation start (0 in the new document). */
export async function timeNavigation(page: Page, url: string): Promise<{ inPage: number; wall: number }> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const inPage = await waitUntilOpen(page);
  return { inPage, wall: performance.now() - started };
}

/** Times from the sidebar link's click. */
export async function timeClick(page: Page, conversationId: string): Promise<number> {
  const clickedAt = await page.evaluate((id) => {
    const link = document.querySelector<HTMLAnchorElement>(`ul[aria-label="Chats"] a[href="/chat/${id}"]`);
    if (!link) throw new Error('sidebar link not found');
    const now = performance.now();
    link.click();
    return now;
  }, conversationId);
  return (await waitUntilOpen(page)) - clickedAt;
}
