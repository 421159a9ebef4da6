// bench/chat-ui-open: how long a 5,000-message chat takes to open in the web app (issue 3: "under 300 ms").
// The real server runs in-process on 127.0.0.1 with the built web app; Debian's Chromium (headless, driven by
// playwright-core with the e2e flags that keep it off the network) signs up the first admin, the browser's
// IndexedDB is seeded through the app's own Dexie database (`claraverse-chat-<userId>`, records typed with the
// app's `ChatMessage`/`Conversation`), and two things are timed 10 times each:
//  - navigation: `page.goto('/chat/<id>')` until the last message is in the list's viewport with its markdown
//    rendered, read as `performance.now()` in the new document (0 = navigation start);
//  - sidebar click: the app already loaded on another chat, a click on the big chat's sidebar link until the same
//    condition, as `performance.now()` deltas in the page (messages not yet in memory: IndexedDB read included);
//    and once more with the messages already in memory (switching back to a chat opened before).
// Also reported: JS heap used with the whole chat in memory, the list's DOM size (virtualisation), and the raw
// IndexedDB read of the 5,000 messages alone. BENCH_TRACE=1 adds one navigation's waterfall and the error of the
// row-height estimates; BENCH_PROFILE=<dir> writes CPU profiles of a click and a navigation and a timeline trace of a navigation; BENCH_WEB_DIST=<dir>
// serves another build of the web app.
// Usage: npm run bench -- chat-ui-open  (needs apps/web/dist: build it first).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { estimateMessageHeight } from '../../apps/web/src/features/chat/lib/estimate-message-height.js';
import { isChatOpen, percentile, round, timeClick, timeNavigation, waitUntilOpen } from './measure-open.js';
import { buildConversation, endMarker, seed } from './seeded-chat.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const messageCount = Number(process.env.BENCH_MESSAGES ?? 5_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 10);
const targetMs = 300;

if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
  process.stderr.write('apps/web/dist/index.html is missing: build the web app first with `npm run build -w @claraverse/web`\n');
  process.exit(1);
}
// Imported after the check: start-server throws the same advice, this message is just clearer.
const { startServer } = await import('../../e2e/support/start-server.js');
const { createAdministratorThroughSetup, launchBrowser } = await import('../../e2e/support/browser.js');
const { startOpenAiDouble } = await import('../../apps/server/src/test/llm-doubles/openai-double.js');

async function main() {
  const double = await startOpenAiDouble({ apiKey: 'bench-key', models: ['bench-model'] });
  // BENCH_WEB_DIST=<dir>: serve another build of the web app (e.g. an older commit's) for a comparison under the
  // same conditions; the machine's load moves single runs by tens of percent.
  const server = await startServer(process.env.BENCH_WEB_DIST ? { WEB_DIST_DIR: process.env.BENCH_WEB_DIST } : {});
  const browser = await launchBrowser();
  const { page, context } = browser;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    // isChatOpen is defined in every document the page loads, before the app's scripts.
    await context.addInitScript(`window.isChatOpen = ${isChatOpen.toString()};`);

    // First admin through the setup page (the session lives in the app's storage), then a token for the admin API.
    const admin = { name: 'Bench Admin', email: 'bench@example.test', password: 'benchmark passphrase 1' };
    await createAdministratorThroughSetup(page, server.baseUrl, admin);
    const post = async <T>(path: string, body: object, token?: string): Promise<T> => {
      const answer = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    };
    const session = await post<{ accessToken: string; user: { id: string } }>('/api/auth/login', { email: admin.email, password: admin.password });
    // A provider with a model, so the chat panel shows messages rather than "No models yet".
    const { provider } = await post<{ provider: { id: string } }>('/api/admin/providers', { name: 'Double', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: 'bench-key' }, session.accessToken);
    const { models } = await post<{ models: Array<{ id: string }> }>(`/api/admin/providers/${provider.id}/fetch-models`, {}, session.accessToken);
    const modelId = models[0]?.id ?? null;

    // Let the app create and migrate its Dexie database, then seed it.
    await page.goto(`${server.baseUrl}/chat`);
    await page.getByText('No chats yet.').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`the app did not open at /chat (${page.url()}): ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
    });
    const now = Date.now();
    const big = buildConversation('bench-big-chat', 'Five thousand messages', messageCount, modelId, now - messageCount * 30_000 - 86_400_000);
    const small = buildConversation('bench-small-chat', 'A short chat', 6, modelId, now - 60_000);
    const totalChars = big.messages.reduce((sum, message) => sum + message.content.length, 0);
    const codeBlocks = big.messages.filter((message) => message.content.includes('```')).length;
    await seed(page, `claraverse-chat-${session.user.id}`, [big, small]);
    process.stdout.write(`seeded ${messageCount} messages (${(totalChars / 1e6).toFixed(1)} M characters, ${codeBlocks} with code blocks)\n`);

    const bigUrl = `${server.baseUrl}/chat/${big.conversation.id}`;
    const smallUrl = `${server.baseUrl}/chat/${small.conversation.id}`;
    const smallLast = small.messages.length - 1;
    const openSmall = async () => {
      await page.goto(smallUrl);
      await page.waitForFunction(
        (index) => !!document.querySelector(`[data-testid="message"][data-index="${index}"] .markdown-content`),
        smallLast, { polling: 'raf', timeout: 30_000 },
      );
    };

    const waitForWholeChat = () =>
      page.waitForFunction((count) => !!document.querySelector(`[data-testid="message"][data-index="${count - 1}"]`), messageCount, { timeout: 30_000 });

    // One untimed round of each (HTTP cache, V8 code cache), then the timed rounds.
    await timeNavigation(page, bigUrl);
    const navigation: Array<{ inPage: number; wall: number }> = [];
    for (let round = 0; round < repeats; round += 1) navigation.push(await timeNavigation(page, bigUrl));

    // Baseline: the app alone (no chat open) until the sidebar lists the chats, to separate boot from opening.
    const shell: number[] = [];
    for (let round = 0; round < repeats; round += 1) {
      await page.goto(`${server.baseUrl}/chat`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        (id) => (document.querySelector(`ul[aria-label="Chats"] a[href="/chat/${id}"]`) ? performance.now() : false),
        big.conversation.id, { polling: 'raf', timeout: 30_000 },
      );
      shell.push((await handle.jsonValue()) as number);
    }

    await openSmall();
    await timeClick(page, big.conversation.id);
    const clickCold: number[] = [];
    const clickWarm: number[] = [];
    for (let round = 0; round < repeats; round += 1) {
      await openSmall();
      clickCold.push(await timeClick(page, big.conversation.id));
      // Back to the short chat in the app, then to the big one again: its messages are now in memory.
      await page.evaluate((id) => document.querySelector<HTMLAnchorElement>(`ul[aria-label="Chats"] a[href="/chat/${id}"]`)?.click(), small.conversation.id);
      await page.waitForFunction((index) => !!document.querySelector(`[data-testid="message"][data-index="${index}"] .markdown-content`), smallLast, { polling: 'raf' });
      clickWarm.push(await timeClick(page, big.conversation.id));
    }

    // BENCH_TRACE=1: the waterfall of one more navigation (resources, paints, marks), to see what waits on what.
    if (process.env.BENCH_TRACE) {
      const { inPage } = await timeNavigation(page, bigUrl);
      const entries = await page.evaluate(() =>
        performance.getEntries().map((entry) => ({
          type: entry.entryType,
          name: entry.name.replace(location.origin, ''),
          start: Math.round(entry.startTime),
          end: Math.round(entry.startTime + entry.duration),
        })),
      );
      process.stdout.write(`\nnavigation waterfall (open at ${Math.round(inPage)} ms):\n`);
      for (const entry of entries.sort((left, right) => left.start - right.start)) {
        process.stdout.write(`  ${String(entry.start).padStart(6)} → ${String(entry.end).padStart(6)}  ${entry.type.padEnd(10)} ${entry.name}\n`);
      }

      // Row-height estimates against the rendered rows, sampled at 40 scroll positions once the whole chat is read.
      await waitForWholeChat();
      const { rows: measured, listWidth } = await page.evaluate(async () => {
        const list = document.querySelector<HTMLElement>('[data-testid="message-list"]');
        if (!list) throw new Error('no message list');
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const rows = new Map<number, number>();
        for (let step = 0; step < 40; step += 1) {
          list.scrollTop = (step / 40) * list.scrollHeight;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          for (const row of list.querySelectorAll<HTMLElement>('[data-testid="message"]')) rows.set(Number(row.dataset.index), row.getBoundingClientRect().height);
        }
        return { rows: [...rows], listWidth: list.clientWidth };
      });
      const textWidth = Math.min(listWidth, 768) - (listWidth >= 640 ? 32 : 24);
      const errors = measured.map(([index, height]) => {
        const message = big.messages[index];
        return message ? Math.abs(estimateMessageHeight(message, textWidth) - height) / height : 0;
      });
      const estimatedTotal = big.messages.reduce((sum, message) => sum + estimateMessageHeight(message, textWidth), 0);
      const scrollHeight = await page.evaluate(() => document.querySelector('[data-testid="message-list"]')?.scrollHeight ?? 0);
      process.stdout.write(
        `\nrow-height estimates (${measured.length} rows measured): median error ${Math.round(percentile(errors, 0.5) * 100)} %, ` +
          `p90 ${Math.round(percentile(errors, 0.9) * 100)} %; whole chat estimated ${Math.round(estimatedTotal)} px, ` +
          `laid out ${scrollHeight} px (measured rows included)\n`,
      );
    }

    // BENCH_PROFILE=<dir>: a CPU profile (.cpuprofile, open in Chromium's DevTools) of one more cold sidebar click.
    if (process.env.BENCH_PROFILE) {
      await openSmall();
      const profiler = await context.newCDPSession(page);
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
      await timeClick(page, big.conversation.id);
      const { profile } = await profiler.send('Profiler.stop');
      mkdirSync(process.env.BENCH_PROFILE, { recursive: true });
      writeFileSync(join(process.env.BENCH_PROFILE, 'chat-ui-open-click.cpuprofile'), JSON.stringify(profile));
      // And one navigation (the renderer process stays the same for a same-origin navigation).
      await profiler.send('Profiler.start');
      await timeNavigation(page, bigUrl);
      const { profile: navigationProfile } = await profiler.send('Profiler.stop');
      writeFileSync(join(process.env.BENCH_PROFILE, 'chat-ui-open-navigation.cpuprofile'), JSON.stringify(navigationProfile));
      // And a timeline trace of one more navigation (open in DevTools → Performance): style, layout, parse, compile.
      const events: unknown[] = [];
      profiler.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      const traced = new Promise<void>((resolve) => profiler.once('Tracing.tracingComplete', () => resolve()));
      await profiler.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'] },
      });
      await timeNavigation(page, bigUrl);
      await profiler.send('Tracing.end');
      await traced;
      writeFileSync(join(process.env.BENCH_PROFILE, 'chat-ui-open-navigation.trace.json'), JSON.stringify({ traceEvents: events }));
      await profiler.detach();
    }

    // Memory and DOM with the big chat open (after a GC), against the app with no chat open.
    const cdp = await context.newCDPSession(page);
    const heapUsedMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return round(usedSize / 1_048_576);
    };
    await page.goto(`${server.baseUrl}/chat`);
    await page.getByText('Five thousand messages').waitFor();
    const heapNoChatMb = await heapUsedMb();
    await timeNavigation(page, bigUrl);
    // The whole chat in memory: the older messages are read in the background after the newest are shown; the
    // last row gets its final index once they are all there.
    await waitForWholeChat();
    const heapOpenMb = await heapUsedMb();
    const dom = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="message-list"]');
      return {
        listNodes: list?.getElementsByTagName('*').length ?? 0,
        renderedMessages: list?.querySelectorAll('[data-testid="message"]').length ?? 0,
        documentNodes: document.getElementsByTagName('*').length,
      };
    });

    // The IndexedDB read alone: the same index range the app's listMessages reads, with the raw API.
    const readMs = await page.evaluate(
      async ({ name, conversationId, times }) => {
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const results: number[] = [];
        for (let index = 0; index < times; index += 1) {
          const started = performance.now();
          await new Promise<unknown[]>((resolve, reject) => {
            const request = database.transaction('messages').objectStore('messages').index('[conversationId+createdAt]')
              .getAll(IDBKeyRange.bound([conversationId, 0], [conversationId, Infinity]));
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
          results.push(performance.now() - started);
        }
        database.close();
        return results;
      },
      { name: `claraverse-chat-${session.user.id}`, conversationId: big.conversation.id, times: repeats },
    );

    const summary = (values: number[]) => ({ median: round(percentile(values, 0.5)), p90: round(percentile(values, 0.9)), samples: values.map(round) });
    const rows = [
      { case: `navigate to /chat/<id> (full page load)`, ...summary(navigation.map((sample) => sample.inPage)) },
      { case: 'baseline: navigate to /chat (no chat open) until the sidebar lists the chats', ...summary(shell) },
      { case: 'sidebar click, app loaded (messages read from IndexedDB)', ...summary(clickCold) },
      { case: 'sidebar click, messages already in memory', ...summary(clickWarm) },
    ];
    const readSummary = summary(readMs);
    const table = [
      `| case (${messageCount} messages, ${repeats} runs) | median (ms) | p90 (ms) | target < ${targetMs} ms |`,
      '|---|---:|---:|---|',
      ...rows.map((row) => `| ${row.case} | ${row.median} | ${row.p90} | ${row.case.startsWith('baseline') ? '—' : row.p90 < targetMs ? 'met' : row.median < targetMs ? 'median only' : 'not met'} |`),
      '',
      '| with the chat open | value |',
      '|---|---:|',
      `| JS heap used, the whole chat in memory / app with no chat open (after GC) | ${heapOpenMb} MB / ${heapNoChatMb} MB |`,
      `| messages in the DOM (of ${messageCount}) | ${dom.renderedMessages} |`,
      `| DOM elements in the list / in the document | ${dom.listNodes} / ${dom.documentNodes} |`,
      `| raw IndexedDB read of the ${messageCount} messages, median / p90 | ${readSummary.median} / ${readSummary.p90} ms |`,
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    if (problems.length > 0) process.stdout.write(`\npage errors: ${problems.join(' | ')}\n`);
    // Another build's figures are printed only: they never replace this tree's.
    if (process.env.BENCH_WEB_DIST) return;
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(
      join(root, 'bench/results/chat-ui-open.json'),
      `${JSON.stringify({
        date: new Date().toISOString(), node: process.version, browser: context.browser()?.version() ?? 'chromium', messages: messageCount, repeats,
        seededCharacters: totalChars, messagesWithCode: codeBlocks, targetMs, rows,
        navigationWallMs: summary(navigation.map((sample) => sample.wall)), heapUsedMb: { chatOpen: heapOpenMb, noChatOpen: heapNoChatMb }, dom,
        indexedDbReadMs: readSummary, pageErrors: problems,
      }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await server.stop();
    await double.close();
  }
}

await main();
