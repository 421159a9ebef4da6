import { describe, expect, it } from 'vitest';
import { ValidationError } from '../platform/errors/app-error.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { createSandbox } from './sandbox.js';

function logged(lines: string[]): Array<{ msg: string; backend?: string; reason?: string }> {
  return lines.map((line) => JSON.parse(line) as { msg: string; backend?: string; reason?: string }).filter((entry) => entry.msg.startsWith('sandbox:'));
}

describe('the sandbox service', { timeout: 60_000 }, () => {
  it('detects bubblewrap with the scientific Python on this host, once, and runs Python and JavaScript in their backends', async () => {
    const { logger, lines } = createCapturingLogger();
    const sandbox = createSandbox({ logger });
    const first = await sandbox.run({ language: 'python', code: 'import sys\nprint(sys.version_info.major)' });
    const second = await sandbox.run({ language: 'python', code: 'print("again")' });
    const javascript = await sandbox.run({ language: 'javascript', code: 'console.log(6 * 7)' });
    expect([first.backend, first.stdout, second.stdout]).toEqual(['bubblewrap', '3\n', 'again\n']);
    expect(first.notice).toBeUndefined();
    expect([javascript.backend, javascript.stdout]).toEqual(['quickjs', '42\n']);
    expect(logged(lines)).toEqual([expect.objectContaining({ msg: 'sandbox: Python runs under bubblewrap', backend: 'bubblewrap' })]);
  });

  it('falls back to Pyodide and says why when bubblewrap or the interpreter is missing', async () => {
    const withoutBwrap = createCapturingLogger();
    expect(await createSandbox({ logger: withoutBwrap.logger, bwrapPath: '/nonexistent/bwrap' }).pythonBackend()).toBe('pyodide');
    expect(logged(withoutBwrap.lines)).toEqual([expect.objectContaining({ backend: 'pyodide', reason: 'bwrap is not installed' })]);

    const withoutPython = createCapturingLogger();
    expect(await createSandbox({ logger: withoutPython.logger, pythonPath: '/nonexistent/python3' }).pythonBackend()).toBe('pyodide');
    expect(logged(withoutPython.lines)).toEqual([expect.objectContaining({ backend: 'pyodide', reason: '/nonexistent/python3 does not exist' })]);
  });

  it('uses E2B for Python when it is configured', async () => {
    const { logger } = createCapturingLogger();
    const http = { request: () => Promise.reject(new Error('not called')) };
    const sandbox = createSandbox({ logger, e2b: { apiKey: 'key', apiUrl: 'https://api.e2b.app', http } });
    expect(await sandbox.pythonBackend()).toBe('e2b');
  });

  it('refuses two input files with the same name', async () => {
    const sandbox = createSandbox({ logger: createCapturingLogger().logger });
    const files = [{ name: 'data.csv', data: Buffer.from('a') }, { name: 'dir/data.csv', data: Buffer.from('b') }];
    await expect(sandbox.run({ language: 'python', code: 'pass', files })).rejects.toBeInstanceOf(ValidationError);
  });
});
