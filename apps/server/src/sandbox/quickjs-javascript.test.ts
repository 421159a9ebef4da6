import { describe, expect, it } from 'vitest';
import { createQuickJsJavaScript } from './quickjs-javascript.js';
import { defaultSandboxLimits } from './sandbox-limits.js';

describe('JavaScript in QuickJS', { timeout: 30_000 }, () => {
  const javascript = createQuickJsJavaScript({ limits: defaultSandboxLimits });

  it('returns console output, including what promise jobs print', async () => {
    const code = "console.log('sum', 1 + 2, { a: [1] });\nconsole.error('careful');\nPromise.resolve(7).then((value) => console.log('later', value));";
    const result = await javascript.run({ language: 'javascript', code });
    expect(result).toMatchObject({ backend: 'quickjs', exitCode: 0, stdout: 'sum 3 {"a":[1]}\nlater 7\n', stderr: 'careful\n', plots: [], files: [] });
  });

  it('reports a thrown error with its name and message', async () => {
    const result = await javascript.run({ language: 'javascript', code: "throw new TypeError('not a number')" });
    expect(result.exitCode).toBe(1);
    expect(result.killedBy).toBeUndefined();
    expect(result.stderr).toContain('TypeError: not a number');
  });

  it('sees nothing of Node: no process, require, fetch or file system', async () => {
    const code = "console.log([typeof process, typeof require, typeof fetch, typeof globalThis.Buffer, typeof setTimeout].join(' '))";
    const result = await javascript.run({ language: 'javascript', code });
    expect(result.stdout).toBe('undefined undefined undefined undefined undefined\n');
  });

  it('stops an endless loop at the deadline', async () => {
    const result = await javascript.run({ language: 'javascript', code: 'for (;;) {}', timeoutMs: 1_000 });
    expect(result.killedBy).toBe('timeout');
    expect(result.stderr).toContain('did not finish within 1 s');
  });

  it('stops a built-in call that overruns the deadline (the worker is terminated)', async () => {
    // Long native calls (a default sort converts and compares strings in C): QuickJS checks its interrupt
    // handler between bytecodes, so the worker's termination is what ends it on time.
    const code = 'const values = Array.from({ length: 2e6 }, (_, i) => (i * 7919) % 2e6);\nfor (;;) values.sort();';
    const result = await javascript.run({ language: 'javascript', code, timeoutMs: 500, memoryMb: 256 });
    expect(result.killedBy).toBe('timeout');
  });

  it('stops code that needs more memory than its limit', async () => {
    const result = await javascript.run({ language: 'javascript', code: "const big = 'x'.repeat(256 * 1024 * 1024); console.log(big.length)", memoryMb: 32 });
    expect(result.killedBy).toBe('memory');
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the limit is 32 MiB');
  });
});
