import { defineBlockExecutor } from './define-block-executor.js';

/**
 * `merge` `{ mode: "all" | "first" }`: joins branches. `all` (default) waits until every input has either
 * produced or been skipped, and outputs the produced values by the parent's normalizedId; `first` starts at the
 * first input that produces and outputs `{ from, value }` (later inputs are ignored). Unlike other blocks, a merge
 * still runs when some inputs failed or were skipped, as long as one produced.
 */
export const mergeBlock = defineBlockExecutor({
  type: 'merge',
  isInstant: true,
  validateConfig: (config) => (config['mode'] === undefined || config['mode'] === 'all' || config['mode'] === 'first' ? [] : ['mode must be "all" or "first".']),
  execute({ config, inputs }) {
    if (config['mode'] !== 'first') return { output: { ...inputs } };
    const [from, value] = Object.entries(inputs)[0] ?? [undefined, undefined];
    return { output: { from, value } };
  },
});
