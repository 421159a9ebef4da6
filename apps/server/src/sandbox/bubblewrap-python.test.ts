import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBubblewrapPython } from './bubblewrap-python.js';
import { defaultSandboxLimits } from './sandbox-limits.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Processes whose command line contains `marker`, from /proc (the host's view). */
async function processesWith(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readFile(`/proc/${entry}/cmdline`, 'utf8')).includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

describe('Python under bubblewrap', { timeout: 60_000 }, () => {
  let workRoot: string;
  let python: ReturnType<typeof createBubblewrapPython>;

  beforeAll(async () => {
    workRoot = await mkdtemp(join(tmpdir(), 'bwrap-test-'));
    // Like the OS temp folder: the unprivileged sandbox user (when tests run as root) must be able to pass through.
    await chmod(workRoot, 0o711);
    python = createBubblewrapPython({
      pythonPath: '/usr/bin/python3', bwrapPath: '/usr/bin/bwrap', prlimitPath: '/usr/bin/prlimit', workRoot,
      limits: { ...defaultSandboxLimits, maxOutputBytes: 64 * 1024 },
    });
  });
  afterAll(async () => {
    await rm(workRoot, { recursive: true, force: true });
  });

  it('runs code on its input files and returns output, written files and matplotlib figures as PNG plots', async () => {
    const csv = 'city,temperature\nOslo,4\nLima,19\nCairo,28\n';
    const result = await python.run({
      language: 'python',
      files: [{ name: 'weather.csv', data: Buffer.from(csv) }],
      code: [
        'import pandas as pd, matplotlib.pyplot as plt',
        "df = pd.read_csv('weather.csv')",
        "print('mean', df.temperature.mean())",
        "df.plot.bar(x='city', y='temperature')",
        'plt.show()',
        "df.to_csv('hot.csv', index=False)",
        "import os; os.makedirs('reports', exist_ok=True)",
        "open('reports/summary.txt', 'w').write('three cities')",
      ].join('\n'),
    });
    expect(result).toMatchObject({ backend: 'bubblewrap', exitCode: 0, stderr: '' });
    expect(result.stdout).toBe('mean 17.0\n');
    expect(result.plots).toHaveLength(1);
    expect(Buffer.from(result.plots[0]!.data, 'base64').subarray(0, 8)).toEqual(pngSignature);
    // The unchanged input is not returned; files in sub-folders keep their relative names.
    expect(result.files.map((file) => file.name).sort()).toEqual(['hot.csv', 'reports/summary.txt']);
    expect(result.files.find((file) => file.name === 'reports/summary.txt')?.data.toString()).toBe('three cities');
    // The run's private folder is removed afterwards.
    expect(await readdir(workRoot)).toEqual([]);
  });

  it('shows a traceback that starts in the user code and a non-zero exit code', async () => {
    const result = await python.run({ language: 'python', code: 'print("before")\nvalue = 1 / 0\n' });
    expect(result.exitCode).toBe(1);
    expect(result.killedBy).toBeUndefined();
    expect(result.stdout).toBe('before\n');
    expect(result.stderr).toContain('File "main.py", line 2');
    expect(result.stderr).toContain('ZeroDivisionError: division by zero');
    expect(result.stderr).not.toContain('runner.py');
  });

  it('stops an infinite loop at the deadline and leaves no process behind', async () => {
    const marker = `claraverse-sandbox-test-${randomUUID()}`;
    const code = [
      'import subprocess, sys',
      `child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', '${marker}'])`,
      "print('child started', flush=True)",
      'while True: pass',
    ].join('\n');
    // Generous: the interpreter must start and spawn its child before the deadline, also on a busy machine.
    const running = python.run({ language: 'python', code, timeoutMs: 8_000 });
    let seenDuringRun = false;
    let finished = false;
    void running.finally(() => (finished = true));
    while (!finished && !seenDuringRun) {
      seenDuringRun = (await processesWith(marker)).length > 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = await running;
    expect(seenDuringRun).toBe(true);
    expect(result.killedBy).toBe('timeout');
    expect(result.stdout).toBe('child started\n');
    expect(result.stderr).toContain('did not finish within 8 s and was stopped');
    expect(await processesWith(marker)).toEqual([]);
  });

  it('stops code that allocates 10 GB with killedBy memory and a clear message', async () => {
    const result = await python.run({ language: 'python', code: 'data = bytearray(10 * 1024 ** 3)\nprint("allocated")', memoryMb: 256 });
    expect(result.killedBy).toBe('memory');
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('MemoryError');
    expect(result.stderr).toContain('The code ran out of memory: the limit is 256 MiB, and it was stopped.');
  });

  it('stops memory that grows step by step at the limit too', async () => {
    // numpy.empty reserves without touching the pages, so the test does not depend on the machine's memory speed.
    const code = 'import numpy\nchunks = []\nwhile True:\n    chunks.append(numpy.empty(64 * 1024 * 1024, dtype=numpy.uint8))';
    const result = await python.run({ language: 'python', code, memoryMb: 256 });
    expect(result.killedBy).toBe('memory');
  });

  describe('isolation', () => {
    let server: Server;
    let port: number;
    let connections = 0;
    let secretPath: string;

    beforeAll(async () => {
      server = createServer((socket) => {
        connections += 1;
        socket.end('hello');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
      secretPath = join(workRoot, `secret-${randomUUID()}.txt`);
      await writeFile(secretPath, 'the server secret');
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(secretPath, { force: true });
    });

    it('has no network: a connection to a loopback server on the host fails', async () => {
      const code = [
        'import socket',
        'try:',
        `    socket.create_connection(('127.0.0.1', ${port}), timeout=3)`,
        "    print('connected')",
        'except OSError as error:',
        "    print('failed', type(error).__name__)",
      ].join('\n');
      const result = await python.run({ language: 'python', code });
      expect(result.stdout).toMatch(/^failed (ConnectionRefusedError|OSError|TimeoutError)/);
      expect(connections).toBe(0);
    });

    it('cannot read files outside its folder, nor see the repository', async () => {
      const repoFile = join(process.cwd(), 'package.json');
      const code = [
        'import os',
        `for path in [${JSON.stringify(secretPath)}, ${JSON.stringify(repoFile)}, '/etc/passwd', '/root']:`,
        "    print(path, 'visible' if os.path.exists(path) else 'missing')",
      ].join('\n');
      const result = await python.run({ language: 'python', code });
      expect(result.stdout).toBe(`${secretPath} missing\n${repoFile} missing\n/etc/passwd missing\n/root missing\n`);
    });

    it('does not follow a symlink the code leaves in its folder when collecting files', async () => {
      const code = `import os\nos.symlink(${JSON.stringify(secretPath)}, 'link.txt')\nopen('real.txt', 'w').write('mine')`;
      const result = await python.run({ language: 'python', code });
      expect(result.exitCode).toBe(0);
      expect(result.files.map((file) => file.name)).toEqual(['real.txt']);
    });

    it('cannot write outside its folder: the system is read-only', async () => {
      const code = [
        'for path in ["/usr/evil.txt", "/etc/evil.txt"]:',
        '    try:',
        '        open(path, "w").write("x")',
        '        print("wrote", path)',
        '    except OSError as error:',
        '        print("refused", path)',
      ].join('\n');
      const result = await python.run({ language: 'python', code });
      expect(result.stdout).toBe('refused /usr/evil.txt\nrefused /etc/evil.txt\n');
    });
  });

  it('keeps at most the output cap of stdout and says that the rest was cut', async () => {
    const result = await python.run({ language: 'python', code: 'for _ in range(20000):\n    print("x" * 99)' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBeLessThan(64 * 1024 + 200);
    expect(result.stdout).toMatch(/\[output truncated: \d+ more bytes were not kept\]$/);
  });

  it('refuses a written file larger than the file cap (the OS limit inside the sandbox)', async () => {
    const code = "try:\n    open('big.bin', 'wb').write(b'x' * (11 * 1024 * 1024))\nexcept OSError as error:\n    print('refused', error.errno)";
    const result = await python.run({ language: 'python', code });
    expect(result.stdout).toBe('refused 27\n');
    expect(result.files.every((file) => file.data.length <= defaultSandboxLimits.maxFileBytes)).toBe(true);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const running = python.run({ language: 'python', code: 'import time\ntime.sleep(60)', signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    const result = await running;
    expect(result.killedBy).toBe('cancelled');
    expect(result.stderr).toContain('The run was cancelled.');
  });

  it('fails with a clear error, and leaves nothing behind, when the sandbox cannot start', async () => {
    const broken = createBubblewrapPython({
      pythonPath: '/usr/bin/python3', bwrapPath: '/usr/bin/bwrap', prlimitPath: join(workRoot, 'no-such-prlimit'), workRoot, limits: defaultSandboxLimits,
    });
    await expect(broken.run({ language: 'python', code: 'print(1)' })).rejects.toThrow(/^The Python sandbox could not start: spawn .*ENOENT/);
    expect(await readdir(workRoot)).toEqual([]);
  });
});
