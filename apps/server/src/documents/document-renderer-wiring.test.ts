import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/create-test-app.js';
import { processesWithEnvironment, readPdf } from './test-support.js';

// Chromium starts slowly on a busy 2-core machine: generous limits, no timing asserted.
describe('the app’s document renderer', { timeout: 60_000 }, () => {
  it('renders with the configured Chromium and stops it when the app closes', async () => {
    const marker = randomUUID();
    process.env.CLARAVERSE_RENDERER_TEST = marker;
    const app = await createTestApp({ env: { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } });
    try {
      // Nothing starts until a document is asked for.
      expect(processesWithEnvironment('CLARAVERSE_RENDERER_TEST', marker)).toEqual([]);
      const { text } = await readPdf(await app.documentRenderer.htmlToPdf('<h1>From the app</h1>'));
      expect(text).toContain('From the app');
      expect(processesWithEnvironment('CLARAVERSE_RENDERER_TEST', marker).some((found) => found.isBrowser)).toBe(true);
    } finally {
      await app.close();
    }
    await vi.waitFor(() => expect(processesWithEnvironment('CLARAVERSE_RENDERER_TEST', marker)).toEqual([]), { timeout: 10_000, interval: 100 });
  });

  it('reports a missing Chromium as a clear error, not a crash', async () => {
    const app = await createTestApp({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      await expect(app.documentRenderer.htmlToPdf('<p>x</p>')).rejects.toMatchObject({
        code: 'service_unavailable',
        message: 'PDF rendering needs Chromium, which was not found at /nonexistent/chromium: install chromium or set CHROMIUM_PATH.',
      });
    } finally {
      await app.close();
    }
  });
});
