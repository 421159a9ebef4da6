import { EngineError } from '../errors.js';
import { checkExpression, compileExpression, type CompiledExpression } from '../expression/expression.js';
import { childController } from '../run/signals.js';
import { configNumber, defineBlockExecutor } from './define-block-executor.js';

/**
 * `loop` `{ items | itemsExpression, concurrency?, maxIterations? }`: `items` is a template that resolves to a list
 * (e.g. `"{{fetch.data.rows}}"`), `itemsExpression` a JSONata expression (a single value is a list of one, as
 * JSONata sequences are; nothing is an empty list). The blocks downstream of the loop's `body` output form its body, run once per item
 * with `{{item}}` and `{{index}}` in scope (up to `concurrency` iterations at a time); each iteration's result is
 * its body's terminal block output (or an object of them by normalizedId). When all are done the loop's other
 * outputs (`done`) fire with `{ results, count }`. A list longer than maxIterations (capped by the engine's
 * maxLoopIterations) is refused before any iteration runs.
 */
export const loopBlock = defineBlockExecutor<CompiledExpression | undefined>({
  type: 'loop',
  isControl: true,
  rawConfigKeys: ['itemsExpression'],
  prepare: (block) => (typeof block.config['itemsExpression'] === 'string' ? compileExpression(block.config['itemsExpression']) : undefined),
  defaultTimeoutSeconds: 3_600,
  outputPorts: () => ['body', 'done', 'output', 'error'],
  validateConfig(config) {
    const expression = config['itemsExpression'];
    if (typeof expression === 'string') return [checkExpression(expression)].filter((problem): problem is string => problem !== undefined);
    return config['items'] === undefined ? ['items (a template resolving to a list, e.g. "{{input.rows}}") or itemsExpression (JSONata) is required.'] : [];
  },
  async execute({ config, run, runBody, signal, block, prepared, scope }) {
    let items = prepared === undefined ? config['items'] : await prepared.evaluate(scope);
    if (items === undefined && prepared !== undefined) items = [];
    else if (prepared !== undefined && !Array.isArray(items)) items = [items];
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
