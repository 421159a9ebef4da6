import { readdirSync, readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';

export interface ChromiumProcess {
  pid: number;
  /** The browser process itself, not one of its renderer, GPU, utility, zygote or crash-handler children. */
  isBrowser: boolean;
}

/**
 * Processes (Linux /proc) whose environment holds `name=value`. Chromium hands its environment to every
 * process it starts, crash handler included, so a marker set in the test's environment before the first
 * render finds exactly the processes of that renderer, and none of other tests or other people.
 */
export function processesWithEnvironment(name: string, value: string): ChromiumProcess[] {
  const marker = `${name}=${value}`;
  const found: ChromiumProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!environment.includes(marker)) continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      // A zombie has exited already; only its parent's bookkeeping is left.
      if (state === 'Z') continue;
      found.push({ pid: Number(entry), isBrowser: !commandLine.some((argument) => argument.startsWith('--type=')) && !commandLine[0]?.includes('crashpad') });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Text (whole and per page), page sizes (points) and title of a PDF, read back with pdf.js. */
export async function readPdf(pdf: Buffer): Promise<{ text: string; pageTexts: string[]; pages: Array<{ width: number; height: number }>; title: string | undefined }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const pages = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const [x0, y0, x1, y1] = (await document.getPage(number)).view as [number, number, number, number];
    pages.push({ width: x1 - x0, height: y1 - y0 });
  }
  const { text: pageTexts } = await extractText(document, { mergePages: false });
  const { info } = await document.getMetadata();
  await document.destroy();
  return { text: pageTexts.join('\n'), pageTexts, pages, title: (info as { Title?: string }).Title };
}

/** Chromium prints at whole CSS pixels, so a page may come out up to a point larger than its paper size. */
export function expectPageSizes(pages: Array<{ width: number; height: number }>, expected: Array<[width: number, height: number]>): void {
  expect(pages).toHaveLength(expected.length);
  pages.forEach((page, index) => {
    expect(Math.abs(page.width - expected[index]![0]), `width of page ${index + 1}: ${page.width}`).toBeLessThanOrEqual(1.5);
    expect(Math.abs(page.height - expected[index]![1]), `height of page ${index + 1}: ${page.height}`).toBeLessThanOrEqual(1.5);
  });
}

