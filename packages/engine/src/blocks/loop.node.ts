import { EngineError } from '../errors.js';
import { childController } from '../run/signals.js';
import { configNumber, defineBlockExecutor } from './define-block-executor.js';

/**
 * `loop` `{ items, concurrency?, maxIterations? }`: `items` is a template that resolves to a list (e.g.
 * `"{{fetch.data.rows}}"`). The blocks downstream of the loop's `body` output form its body, run once per item
 * with `{{item}}` and `{{index}}` in scope (up to `concurrency` iterations at a time); each iteration's result is
 * its body's terminal block output (or an object of them by normalizedId). When all are done the loop's other
 * outputs (`done`) fire with `{ results, count }`. A list longer than maxIterations (capped by the engine's
 * maxLoopIterations) is refused before any iteration runs.
 */
export const loopBlock = defineBlockExecutor({
  type: 'loop',
  isControl: true,
  defaultTimeoutSeconds: 3_600,
  outputPorts: () => ['body', 'done', 'output', 'error'],
  validateConfig: (config) => (config['items'] === undefined ? ['items is required (a template resolving to a list, e.g. "{{input.rows}}").'] : []),
  async execute({ config, run, runBody, signal, block }) {
    let items = config['items'];
    if (typeof items === 'string') {
      try {
        items = JSON.parse(items) as unknown;
      } catch {
        // reported below
      }
    }
    if (!Array.isArray(items)) throw new EngineError('LOOP_ITEMS_NOT_A_LIST', `Loop "${block.name}" needs a list in items, got ${typeof items}.`);
    const maxIterations = Math.min(configNumber(config, 'maxIterations', run.maxLoopIterations), run.maxLoopIterations);
    if (items.length > maxIterations) {
      throw new EngineError('LOOP_TOO_MANY_ITEMS', `Loop "${block.name}" got ${items.length} items; at most ${maxIterations} are allowed.`, {
        details: { count: items.length, maxIterations },
      });
    }
    const concurrency = Math.max(1, Math.min(Math.floor(configNumber(config, 'concurrency', 1)), run.maxLoopConcurrency));
    const list = items as unknown[];
    const results: unknown[] = new Array<unknown>(list.length);
    // One failing iteration stops the others: they share a signal aborted on the first failure.
    const { controller, release } = childController(signal);
    let next = 0;
    const worker = async () => {
      while (next < list.length && !controller.signal.aborted) {
        const index = next;
        next += 1;
        try {
          results[index] = await runBody!(list[index], index, controller.signal);
        } catch (error) {
          controller.abort(error);
          throw error;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
    } finally {
      release();
    }
    signal.throwIfAborted();
    return { output: { results, count: list.length } };
  },
});
