import { defineBlockExecutor } from './define-block-executor.js';

/** `output` `{ value }`: a template naming a result; the run's output is `{ <block name>: value }`. */
export const outputBlock = defineBlockExecutor({
  type: 'output',
  isInstant: true,
  validateConfig: (config) => (config['value'] === undefined ? ['value is required (a template such as "{{transform}}").'] : []),
  execute: ({ config }) => ({ output: config['value'] }),
});
