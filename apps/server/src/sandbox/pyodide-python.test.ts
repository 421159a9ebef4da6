import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPyodidePython } from './pyodide-python.js';
import { defaultSandboxLimits } from './sandbox-limits.js';

// Pyodide loads afresh for every run (seconds on a busy machine): few runs, each checking several things.
describe('Python in Pyodide (the fallback)', { timeout: 120_000 }, () => {
  const python = createPyodidePython({ limits: defaultSandboxLimits });
  const secretPath = join(tmpdir(), `pyodide-secret-${randomUUID()}.txt`);
  afterAll(() => rm(secretPath, { force: true }));

  it('runs standard-library code on its input files, returns written files, and says what it cannot do', async () => {
    await writeFile(secretPath, 'the server secret');
    const code = [
      'import csv, os, sys',
      "rows = list(csv.DictReader(open('scores.csv')))",
      "print('total', sum(int(row['score']) for row in rows))",
      "open('report.txt', 'w').write('two players')",
      `print('host file', 'visible' if os.path.exists(${JSON.stringify(secretPath)}) else 'missing')`,
      "for name in ['js', 'pyodide_js', 'pandas']:",
      '    try:',
      '        __import__(name)',
      "        print(name, 'importable')",
      '    except ImportError:',
      "        print(name, 'blocked')",
      "print('oops', file=sys.stderr)",
    ].join('\n');
    const result = await python.run({ language: 'python', code, files: [{ name: 'scores.csv', data: Buffer.from('player,score\nana,3\nbo,4\n') }] });
    expect(result).toMatchObject({ backend: 'pyodide', exitCode: 0, plots: [] });
    expect(result.stdout).toBe('total 7\nhost file missing\njs blocked\npyodide_js blocked\npandas blocked\n');
    expect(result.stderr).toBe('oops\n');
    expect(result.files.map((file) => [file.name, file.data.toString()])).toEqual([['report.txt', 'two players']]);
    expect(result.notice).toMatch(/only the standard library is available, so pandas, numpy, matplotlib and scikit-learn cannot be imported/);
  });

  it('interrupts an endless loop at the deadline', async () => {
    const result = await python.run({ language: 'python', code: "print('looping', flush=True)\nwhile True:\n    pass", timeoutMs: 1_000 });
    expect(result.killedBy).toBe('timeout');
    expect(result.stdout).toBe('looping\n');
    expect(result.stderr).toContain('did not finish within 1 s');
  });

  it('stops memory that grows past the limit', async () => {
    const code = 'chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))';
    const result = await python.run({ language: 'python', code, memoryMb: 64 });
    expect(result.killedBy).toBe('memory');
    expect(result.stderr).toContain('the limit is 64 MiB');
  });
});
