import { checkExpression, compileExpression, type CompiledExpression } from '../expression/expression.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

interface SwitchCase {
  /** The output port fired when this case matches (defaults to String(value)). */
  output: string;
  value: unknown;
  expression: CompiledExpression | undefined;
}

interface PreparedCondition {
  expression: CompiledExpression | undefined;
  cases: SwitchCase[] | undefined;
}

function readCases(config: Record<string, unknown>): { output: string; value?: unknown; expression?: string }[] | undefined {
  const cases = config['cases'];
  if (!Array.isArray(cases)) return undefined;
  return cases.map((item: Record<string, unknown>) => {
    const output = typeof item['output'] === 'string' ? item['output'] : String(item['value']);
    return { output, value: item['value'], ...(typeof item['expression'] === 'string' ? { expression: item['expression'] } : {}) };
  });
}

/** JSONata truthiness, as in its boolean(): empty strings, arrays and objects are false. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTruthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/**
 * `condition`: if/else — `{ expression }` fires `true` or `false`; switch — `{ expression?, cases: [{ value |
 * expression, output? }] }` fires the first matching case's output (a case with `value` matches the expression's
 * result; a case with `expression` matches when it is truthy), else `default`. Output `{ result, branch }`.
 * Blocks reachable only through untaken outputs are skipped.
 */
export const conditionBlock = defineBlockExecutor<PreparedCondition>({
  type: 'condition',
  isInstant: true,
  rawConfigKeys: ['expression', 'cases'],
  outputPorts(config) {
    const cases = readCases(config);
    return cases === undefined ? ['true', 'false', 'error'] : [...cases.map((item) => item.output), 'default', 'error'];
  },
  validateConfig(config) {
    const cases = readCases(config);
    const expressions = [configString(config, 'expression'), ...(cases ?? []).map((item) => item.expression ?? '')].filter((text) => text !== '');
    if (cases === undefined && configString(config, 'expression') === '') return ['expression is required.'];
    if (cases !== undefined && cases.some((item) => item.expression === undefined) && configString(config, 'expression') === '') {
      return ['a switch with value cases needs an expression.'];
    }
    return expressions.map(checkExpression).filter((problem): problem is string => problem !== undefined);
  },
  prepare(block) {
    const source = configString(block.config, 'expression');
    const cases = readCases(block.config)?.map((item) => ({ output: item.output, value: item.value, expression: item.expression === undefined ? undefined : compileExpression(item.expression) }));
    return { expression: source === '' ? undefined : compileExpression(source), cases };
  },
  async execute({ prepared, scope }) {
    const result = prepared.expression === undefined ? undefined : await prepared.expression.evaluate(scope);
    if (prepared.cases === undefined) {
      const branch = isTruthy(result) ? 'true' : 'false';
      return { output: { result: branch === 'true', branch }, firedOutputs: [branch] };
    }
    for (const item of prepared.cases) {
      const isMatch = item.expression === undefined ? JSON.stringify(item.value) === JSON.stringify(result) : isTruthy(await item.expression.evaluate(scope));
      if (isMatch) return { output: { result, branch: item.output }, firedOutputs: [item.output] };
    }
    return { output: { result, branch: 'default' }, firedOutputs: ['default'] };
  },
});
