import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboundHttp } from '../platform/outbound-http/create-outbound-http.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { startE2bDouble, type E2bDouble, type E2bOutputMessage } from '../test/e2b-double.js';
import { createE2bPython } from './e2b-python.js';
import { defaultSandboxLimits } from './sandbox-limits.js';

const apiKey = 'e2b_test_key_1234';
const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Our client's own executions around the user's code: writing the inputs, and listing what was written. */
const isSetup = (code: string) => code.includes('b64decode');
const isCollect = (code: string) => code.includes('_os.walk');
const stdout = (text: string): E2bOutputMessage => ({ type: 'stdout', text, timestamp: Date.now() * 1e6 });

describe('Python in E2B (against a local double of its API)', () => {
  let double: E2bDouble;
  let userAnswer: (code: string) => E2bOutputMessage[] | Promise<E2bOutputMessage[]>;
  let writtenFiles: Array<{ name: string; data: string }>;

  beforeEach(async () => {
    writtenFiles = [];
    double = await startE2bDouble({
      apiKey,
      answer: (code) => {
        if (isSetup(code)) return [];
        if (isCollect(code)) return [stdout(`${JSON.stringify({ files: writtenFiles, skipped: [] })}\n`)];
        return userAnswer(code);
      },
    });
  });
  afterEach(() => double.close());

  function e2b(key = apiKey) {
    const http = createOutboundHttp({
      // The double is on loopback, which the guard refuses unless allowed; every *.e2b.test name is it.
      allowlist: ['127.0.0.1/32'],
      timeoutMs: 10_000,
      maxBytes: 1024 * 1024,
      resolveHost: async (hostname) => (hostname.endsWith('e2b.test') ? [{ address: '127.0.0.1', family: 4 }] : []),
    });
    return createE2bPython({ apiKey: key, apiUrl: double.apiUrl, http, limits: defaultSandboxLimits, logger: createCapturingLogger().logger });
  }

  it('creates a sandbox with the API key, sends the inputs and the code, returns output, plots and files, and deletes the sandbox', async () => {
    userAnswer = () => {
      writtenFiles = [{ name: 'out/result.txt', data: Buffer.from('42').toString('base64') }];
      return [stdout('rows 2\n'), { type: 'result', png: onePixelPng, text: '<Figure>', is_main_result: false }];
    };
    const code = "import pandas as pd\ndf = pd.read_csv('data.csv')\nprint('rows', len(df))";
    const result = await e2b().run({ language: 'python', code, files: [{ name: 'data.csv', data: Buffer.from('a\n1\n2\n') }], timeoutMs: 5_000 });

    expect(result).toMatchObject({ backend: 'e2b', exitCode: 0, stdout: 'rows 2\n', stderr: '', plots: [{ format: 'png', data: onePixelPng }] });
    expect(result.files.map((file) => [file.name, file.data.toString()])).toEqual([['out/result.txt', '42']]);

    const [create] = double.requests;
    expect(create).toMatchObject({ method: 'POST', path: '/sandboxes' });
    expect(create!.headers['x-api-key']).toBe(apiKey);
    expect(create!.body).toMatchObject({ templateID: 'code-interpreter-v1', allow_internet_access: false });
    const [sandbox] = double.sandboxes;
    expect(sandbox!.timeout).toBeGreaterThanOrEqual(5);
    // Three executions on the sandbox's Jupyter host, each with its access token: inputs, the code as sent, the listing.
    expect(sandbox!.executions).toHaveLength(3);
    expect(sandbox!.executions[0]).toContain(Buffer.from('a\n1\n2\n').toString('base64'));
    expect(sandbox!.executions[1]).toBe(code);
    const executes = double.requests.filter((request) => request.path === '/execute');
    expect(executes.map((request) => request.headers.host)).toEqual(Array(3).fill(`49999-${sandbox!.sandboxID}.${double.domain}`));
    expect(executes.every((request) => request.headers['x-access-token'] === sandbox!.envdAccessToken)).toBe(true);
    expect(executes.every((request) => request.headers['x-api-key'] === undefined)).toBe(true);
    expect(sandbox!.deleted).toBe(true);
  });

  it('reports a Python error with its traceback (colours removed) and a MemoryError as killedBy memory', async () => {
    userAnswer = () => [{ type: 'error', name: 'ZeroDivisionError', value: 'division by zero', traceback: '\u001b[0;31mZeroDivisionError\u001b[0m: division by zero' }];
    const failed = await e2b().run({ language: 'python', code: '1 / 0' });
    expect(failed).toMatchObject({ exitCode: 1, stderr: 'ZeroDivisionError: division by zero' });
    expect(failed.killedBy).toBeUndefined();

    userAnswer = () => [{ type: 'error', name: 'MemoryError', value: '', traceback: 'MemoryError' }];
    const outOfMemory = await e2b().run({ language: 'python', code: 'bytearray(10 * 1024 ** 3)', memoryMb: 512 });
    expect(outOfMemory.killedBy).toBe('memory');
    expect(outOfMemory.stderr).toContain('ran out of memory');
    expect(double.sandboxes.every((sandbox) => sandbox.deleted)).toBe(true);
  });

  it('stops waiting at the deadline, reports a timeout and still deletes the sandbox', async () => {
    userAnswer = () => new Promise(() => {});
    const result = await e2b().run({ language: 'python', code: 'while True: pass', timeoutMs: 1_000 });
    expect(result.killedBy).toBe('timeout');
    expect(result.stderr).toContain('did not finish within 1 s');
    expect(double.sandboxes[0]!.deleted).toBe(true);
  });

  it('says clearly when E2B refuses the API key', async () => {
    userAnswer = () => [];
    await expect(e2b('wrong-key').run({ language: 'python', code: 'print(1)' })).rejects.toThrow('E2B refused the API key');
    expect(double.sandboxes).toHaveLength(0);
  });
});
