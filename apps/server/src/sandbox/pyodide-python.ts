import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SandboxRunRequest, SandboxRunResult } from '../tools/tool-ports.js';
import { AppError } from '../platform/errors/app-error.js';
import { CappedText } from './capped-text.js';
import { safeInputName } from './collect-work-files.js';
import { pyodideWorkerSource } from './pyodide-worker-source.js';
import { memoryErrorExitCode, pythonRunnerSource } from './python-runner-source.js';
import { runInWorker } from './run-in-worker.js';
import {
  cancelledMessage, effectiveLimits, memoryMessage, timeoutMessage, type SandboxLimits,
} from './sandbox-limits.js';

export const pyodideNotice =
  'Python ran in the limited fallback sandbox (Pyodide, in the server process): only the standard library is ' +
  'available, so pandas, numpy, matplotlib and scikit-learn cannot be imported and no plots are made. An ' +
  'administrator can install bubblewrap and python3 with those libraries, or set E2B_API_KEY, for full Python.';

export interface PyodidePythonOptions {
  limits: SandboxLimits;
  /** Milliseconds Pyodide may take to load (it is loaded fresh for every run). Default 120 000. */
  startupTimeoutMs?: number;
}

interface PyodideDone {
  exitCode: number;
  files: Array<{ name: string; data: Uint8Array }>;
  skipped: string[];
}

const graceMs = 1_000;

function pyodideLocation(): { moduleUrl: string; indexURL: string } {
  const entry = createRequire(import.meta.url).resolve('pyodide');
  const indexURL = `${dirname(entry)}/`;
  return { moduleUrl: pathToFileURL(`${indexURL}pyodide.mjs`).href, indexURL };
}

/**
 * Python in Pyodide (CPython compiled to WebAssembly) inside a worker thread, for hosts without bubblewrap
 * or the scientific Python packages. No network and no host files (its file system is in memory, and the
 * worker's Node globals are removed before the code runs). Timeouts raise KeyboardInterrupt through the
 * interrupt buffer; `worker.terminate()` is the hard stop. Memory is watched as the process's resident size,
 * which also counts other work of the server, so the limit is approximate in this mode.
 */
export function createPyodidePython(options: PyodidePythonOptions) {
  const location = pyodideLocation();

  async function run(request: SandboxRunRequest): Promise<SandboxRunResult> {
    const { timeoutMs, memoryMb } = effectiveLimits(request, options.limits);
    const stdout = new CappedText(options.limits.maxOutputBytes);
    const stderr = new CappedText(options.limits.maxOutputBytes);
    const interruptBuffer = new SharedArrayBuffer(4);
    const files = (request.files ?? []).map((file) => ({ name: safeInputName(file.name), data: new Uint8Array(file.data) }));
    let baselineRss = 0;
    const outcome = await runInWorker<PyodideDone>({
      source: pyodideWorkerSource,
      workerData: {
        pyodideModuleUrl: location.moduleUrl, indexURL: location.indexURL, runnerSource: pythonRunnerSource,
        code: request.code, files, interruptBuffer,
        limits: { maxPlots: options.limits.maxPlots, maxFileBytes: options.limits.maxFileBytes, maxFiles: options.limits.maxFiles, maxTotalFileBytes: options.limits.maxTotalFileBytes },
      },
      transferList: files.map((file) => file.data.buffer as ArrayBuffer),
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
      startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
      timeoutMs,
      // SIGINT in the interrupt buffer: Python raises KeyboardInterrupt at its next check.
      softStop: () => Atomics.store(new Int32Array(interruptBuffer), 0, 2),
      graceMs,
      ...(request.signal ? { signal: request.signal } : {}),
      stdout, stderr,
      onReady: () => (baselineRss = process.memoryUsage.rss()),
      isOverMemory: () => process.memoryUsage.rss() - baselineRss > memoryMb * 1024 * 1024,
    });
    if (outcome.status === 'failed') throw new AppError('service_unavailable', `The Python sandbox could not run the code: ${outcome.message}`);

    let killedBy = outcome.stopReason;
    if (!killedBy && outcome.status === 'done' && outcome.result.exitCode === memoryErrorExitCode) killedBy = 'memory';
    if (killedBy === 'timeout') stderr.appendNote(timeoutMessage(timeoutMs));
    if (killedBy === 'memory') stderr.appendNote(memoryMessage(memoryMb));
    if (killedBy === 'cancelled') stderr.appendNote(cancelledMessage);
    const done = outcome.status === 'done' ? outcome.result : null;
    if (done && done.skipped.length > 0) stderr.appendNote(`${done.skipped.length} file(s) were not returned because they are over the size limits: ${done.skipped.slice(0, 5).join(', ')}`);
    return {
      backend: 'pyodide',
      notice: pyodideNotice,
      stdout: stdout.text(),
      stderr: stderr.text(),
      exitCode: done && !killedBy ? done.exitCode : killedBy === 'memory' && done ? done.exitCode : 137,
      ...(killedBy ? { killedBy } : {}),
      plots: [],
      files: done && killedBy !== 'timeout' && killedBy !== 'cancelled' ? done.files.map((file) => ({ name: file.name, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength) })) : [],
    };
  }

  return { run };
}
