import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** `expect.poll` with a timeout that suits a real browser (lazy chunks, IndexedDB, a streaming reply). */
export function poll<T>(read: () => T | Promise<T>, timeout = 10_000): ReturnType<typeof expect<T>>['resolves'] {
  return expect.poll(read, { timeout });
}

export const messages = (page: Page) => page.getByTestId('message');
export const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
export const lastAssistant = (page: Page) => assistantMessages(page).last();
export const lastUser = (page: Page) => page.locator('[data-testid="message"][data-role="user"]').last();

/** Types a message into the composer and sends it; resolves once it shows as the last user message. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  // The message list is virtualised: check the last messages rather than count them.
  await poll(() => lastUser(page).innerText()).toBe(text);
}
