import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What one evaluation gives back. */
export interface MathEvaluation {
  /** mathjs's formatting of the value, 14 significant digits (`3.1415926535898`, `[2, 4]`, `1.9685 inch`). */
  text: string;
  /** mathjs's type name: `number`, `DenseMatrix`, `Unit`, `Complex`, `Fraction`, `boolean`, `function`… */
  type: string;
  /** The plain number when the value is one. */
  value?: number;
}

export type MathOutcome =
  | { ok: true; evaluation: MathEvaluation }
  | { ok: false; reason: 'error'; message: string }
  | { ok: false; reason: 'timeout' }
  | { ok: false; reason: 'memory' };

/**
 * The worker's source: mathjs parses and evaluates the expression (no JavaScript `eval`, no `Function`), with
 * the functions that reach outside arithmetic disabled (mathjs's security guidance: import, createUnit,
 * evaluate, parse, compile, simplify, derivative, resolve, reviver…) and the ones that build arbitrarily large
 * matrices disabled or capped. It runs in a worker so a slow or huge calculation can be killed without
 * blocking the server.
 */
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { create, all } = require(workerData.mathjsPath);
const math = create(all, { number: 'number' });
const evaluate = math.evaluate;
const format = math.format;
const typeOf = math.typeOf;
const originalRange = math.range;
// In expressions "1:10" and range() go through the transform (which includes the end), not math.range.
const originalRangeTransform = math.expression.mathWithTransform.range;
const maxRangeLength = workerData.maxRangeLength;

function disabled(name) {
  return function () { throw new Error('the function ' + name + ' is not available in this calculator'); };
}
const replacements = {};
for (const name of workerData.disabledFunctions) replacements[name] = disabled(name);
function assertRangeLength(args) {
  let [start, end, step] = args;
  if (args.length === 1 && typeof start === 'string') {
    const parts = start.split(':').map(Number);
    start = parts[0]; end = parts.length === 3 ? parts[2] : parts[1]; step = parts.length === 3 ? parts[1] : 1;
  }
  const length = Math.abs((Number(end) - Number(start)) / Number(typeof step === 'boolean' || step === undefined ? 1 : step));
  if (!Number.isFinite(length) || length > maxRangeLength) {
    throw new Error('ranges are limited to ' + maxRangeLength + ' elements');
  }
}
replacements.range = function range(...args) {
  assertRangeLength(args);
  return originalRange(...args);
};
replacements.range.transform = function range(...args) {
  assertRangeLength(args);
  return originalRangeTransform(...args);
};
math.import(replacements, { override: true });

parentPort.on('message', ({ id, expression }) => {
  try {
    let value = evaluate(expression);
    if (typeOf(value) === 'ResultSet') value = value.entries[value.entries.length - 1];
    const type = typeOf(value);
    const text = type === 'function' ? String(value.syntax || 'a function') : format(value, { precision: 14 });
    parentPort.postMessage({ id, ok: true, evaluation: { text, type, ...(typeof value === 'number' ? { value } : {}) } });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, reason: 'error', message: String((error && error.message) || error) });
  }
});
parentPort.postMessage({ ready: true });
`;

/**
 * Functions that reach outside arithmetic (mathjs's list for untrusted input) or build a large matrix from a
 * few characters. Slow but bounded ones (combinations, isPrime…) stay: the deadline stops them.
 */
const disabledFunctions = [
  'import', 'createUnit', 'reviver', 'replacer', 'evaluate', 'parse', 'compile', 'resolve', 'simplify', 'simplifyConstant',
  'simplifyCore', 'derivative', 'rationalize', 'leafCount', 'symbolicEqual', 'parser',
  'zeros', 'ones', 'identity', 'resize', 'reshape', 'kron', 'matrixFromFunction', 'matrixFromRows', 'matrixFromColumns',
  'diag', 'random', 'randomInt', 'pickRandom',
];

/** Runs `onIdle` once `delayMs` after `arm()`, unless `cancel()` comes first. The timer never holds the process. */
function createIdleTimer(delayMs: number, onIdle: () => void) {
  let timer: NodeJS.Timeout | null = null;
  return {
    arm(): void {
      timer ??= setTimeout(() => {
        timer = null;
        onIdle();
      }, delayMs).unref();
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

function crashOutcome(error: Error & { code?: string }): MathOutcome {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory' } : { ok: false, reason: 'error', message: error.message };
}

interface Job {
  id: number;
  expression: string;
  resolve: (outcome: MathOutcome) => void;
}

/**
 * Evaluates mathjs expressions one at a time in a worker thread with a CPU deadline and a heap cap. A job that
 * overruns kills the worker (the next job starts a new one); an idle worker is stopped after a minute.
 */
export function createMathEvaluator(options: { timeoutMs: number; maxHeapMb: number; maxRangeLength: number }) {
  const mathjsPath = createRequire(import.meta.url).resolve('mathjs');
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let isReady = false;
  let running: { job: Job; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  const idle = createIdleTimer(60_000, () => {
    if (!running && queue.length === 0) stopWorker();
  });

  function finish(outcome: MathOutcome): void {
    if (!running) return;
    clearTimeout(running.timer);
    running.job.resolve(outcome);
    running = null;
    pump();
  }

  function stopWorker(): void {
    const stopping = worker;
    worker = null;
    isReady = false;
    void stopping?.terminate();
  }

  function startWorker(): Worker {
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { mathjsPath, disabledFunctions, maxRangeLength: options.maxRangeLength },
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    started.unref();
    started.on('message', (message: { ready?: true; id?: number } & MathOutcome) => {
      if (message.ready) {
        isReady = true;
        pump();
      } else if (running && message.id === running.job.id) {
        const { id: _id, ...outcome } = message;
        finish(outcome as MathOutcome);
      }
    });
    started.on('error', (error: Error & { code?: string }) => {
      const wasReady = isReady;
      if (worker === started) stopWorker();
      if (running) finish(crashOutcome(error));
      // The calculator could not start at all: fail what waits instead of restarting forever.
      else if (!wasReady) for (const job of queue.splice(0)) job.resolve({ ok: false, reason: 'error', message: `the calculator could not start (${error.message})` });
    });
    started.on('exit', () => {
      if (worker !== started) return;
      stopWorker();
      finish({ ok: false, reason: 'error', message: 'the calculator stopped unexpectedly' });
    });
    return started;
  }

  function pump(): void {
    if (running) return;
    if (queue.length === 0) {
      if (worker) idle.arm();
      return;
    }
    idle.cancel();
    worker ??= startWorker();
    if (!isReady) return;
    const job = queue.shift()!;
    const timer = setTimeout(() => {
      stopWorker();
      finish({ ok: false, reason: 'timeout' });
    }, options.timeoutMs);
    running = { job, timer };
    worker.postMessage({ id: job.id, expression: job.expression });
  }

  return {
    /** Never rejects: errors, the deadline and the heap cap come back as outcomes. */
    evaluate(expression: string): Promise<MathOutcome> {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, expression, resolve });
        pump();
      });
    },
    /** Stops the worker (tests, shutdown). */
    close: stopWorker,
  };
}
