import { checkExpression, compileExpression, type CompiledExpression } from '../expression/expression.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

/** `transform` `{ expression }`: a JSONata expression over the scope; its result is the block's output. */
export const transformBlock = defineBlockExecutor<CompiledExpression>({
  type: 'transform',
  isInstant: true,
  rawConfigKeys: ['expression'],
  validateConfig(config) {
    const expression = configString(config, 'expression');
    if (expression.trim() === '') return ['expression is required.'];
    const problem = checkExpression(expression);
    return problem === undefined ? [] : [problem];
  },
  prepare: (block) => compileExpression(configString(block.config, 'expression')),
  async execute({ prepared, scope }) {
    return { output: await prepared.evaluate(scope) };
  },
});
