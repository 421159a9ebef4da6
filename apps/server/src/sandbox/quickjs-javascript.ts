import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { SandboxRunRequest, SandboxRunResult } from '../tools/tool-ports.js';
import { AppError } from '../platform/errors/app-error.js';
import { CappedText } from './capped-text.js';
import { quickJsWorkerSource } from './quickjs-worker-source.js';
import { runInWorker } from './run-in-worker.js';
import {
  cancelledMessage, effectiveLimits, memoryMessage, timeoutMessage, type SandboxLimits,
} from './sandbox-limits.js';

interface QuickJsDone {
  error: { name: string; message: string; stack: string } | null;
}

/** QuickJS's deadline is checked between bytecodes; a long built-in call can overrun it, hence the worker. */
const graceMs = 1_000;

/**
 * JavaScript in QuickJS (WebAssembly) inside a worker thread: no Node, no network, no files; a memory limit
 * enforced by QuickJS's allocator, an interrupt deadline, and `worker.terminate()` as the hard stop.
 */
export function createQuickJsJavaScript(options: { limits: SandboxLimits }) {
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('quickjs-emscripten')).href;

  async function run(request: SandboxRunRequest): Promise<SandboxRunResult> {
    const { timeoutMs, memoryMb } = effectiveLimits(request, options.limits);
    const stdout = new CappedText(options.limits.maxOutputBytes);
    const stderr = new CappedText(options.limits.maxOutputBytes);
    const outcome = await runInWorker<QuickJsDone>({
      source: quickJsWorkerSource,
      workerData: { quickJsModuleUrl: moduleUrl, code: request.code, timeoutMs, memoryBytes: memoryMb * 1024 * 1024 },
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 },
      startupTimeoutMs: 60_000,
      timeoutMs: timeoutMs + graceMs,
      graceMs,
      ...(request.signal ? { signal: request.signal } : {}),
      stdout, stderr,
    });
    if (outcome.status === 'failed') throw new AppError('service_unavailable', `The JavaScript sandbox could not run the code: ${outcome.message}`);

    const error = outcome.status === 'done' ? outcome.result.error : null;
    let killedBy = outcome.stopReason;
    if (!killedBy && error?.name === 'InternalError' && /interrupted/.test(error.message)) killedBy = 'timeout';
    if (!killedBy && error && /out of memory/i.test(error.message)) killedBy = 'memory';
    if (error && !killedBy) stderr.append(`${error.stack ? `${error.name}: ${error.message}\n${error.stack}` : `${error.name}: ${error.message}\n`}`);
    if (killedBy === 'timeout') stderr.appendNote(timeoutMessage(timeoutMs));
    if (killedBy === 'memory') stderr.appendNote(memoryMessage(memoryMb));
    if (killedBy === 'cancelled') stderr.appendNote(cancelledMessage);
    return {
      backend: 'quickjs',
      stdout: stdout.text(),
      stderr: stderr.text(),
      exitCode: killedBy ? 137 : error ? 1 : 0,
      ...(killedBy ? { killedBy } : {}),
      plots: [],
      files: [],
    };
  }

  return { run };
}
