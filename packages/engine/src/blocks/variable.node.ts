import { EngineError } from '../errors.js';
import { checkJsonSchema, type JsonSchema } from '../llm/json-schema.js';
import { resolvePath } from '../template/template.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

const inputTypes = new Set(['text', 'json', 'file']);

function asFileReference(value: unknown): Record<string, unknown> {
  const file = value as Record<string, unknown> | null;
  const id = file?.['file_id'] ?? file?.['fileId'];
  if (file === null || typeof file !== 'object' || typeof id !== 'string' || !/^[\w-]{1,200}$/.test(id)) {
    throw new EngineError('INPUT_INVALID', 'The start block expects a file reference { file_id, filename, mime_type }.');
  }
  return file;
}

/**
 * What a start block (`variable`, read of `input`) makes of the run input: parsed JSON checked against its
 * jsonSchema, a checked file reference, or text. Throws EngineError `INPUT_INVALID`.
 */
export function coerceStartInput(config: Record<string, unknown>, input: unknown): unknown {
  const fallback = config['inputType'] === 'json' ? (config['jsonValue'] ?? config['defaultValue']) : config['defaultValue'];
  return coerce(input === undefined || input === '' ? fallback : input, String(config['inputType'] ?? 'text'), config['jsonSchema']);
}

function coerce(value: unknown, inputType: string, schema: unknown): unknown {
  if (inputType === 'file') return asFileReference(value);
  if (inputType === 'text') return typeof value === 'string' || value === undefined ? value : JSON.stringify(value);
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      throw new EngineError('INPUT_INVALID', 'The start block expects JSON input, and the text given is not JSON.');
    }
  }
  if (schema !== null && typeof schema === 'object') {
    const problems = checkJsonSchema(parsed, schema as JsonSchema);
    if (problems.length > 0) throw new EngineError('INPUT_INVALID', `The input does not match the start block's schema: ${problems.join('; ')}`, { details: { problems } });
  }
  return parsed;
}

/**
 * `variable` (reference §3.2): `read` (the start block: `{ operation: "read", variableName: "input",
 * inputType: "json" }`) returns the run input or a variable; `set` stores `value` (template) or
 * `valueExpression` (a dot path) into a variable. Output `{ value, <variableName>: value }`.
 */
export const variableBlock = defineBlockExecutor({
  type: 'variable',
  isInstant: true,
  rawConfigKeys: ['jsonSchema', 'jsonValue'],
  validateConfig(config) {
    const problems: string[] = [];
    if (configString(config, 'variableName') === '') problems.push('variableName is required.');
    const operation = config['operation'] ?? 'read';
    if (operation !== 'read' && operation !== 'set') problems.push('operation must be "read" or "set".');
    if (config['inputType'] !== undefined && !inputTypes.has(String(config['inputType']))) problems.push('inputType must be text, json or file.');
    return problems;
  },
  execute({ config, run, scope }) {
    const name = configString(config, 'variableName');
    if (config['operation'] === 'set') {
      const expression = configString(config, 'valueExpression');
      const value = expression !== '' ? resolvePath(scope, expression) : config['value'];
      run.variables[name] = value;
      scope[name] = value;
      return { output: { value, [name]: value } };
    }
    const value = coerceStartInput(config, name === 'input' ? run.input : run.variables[name]);
    // The start block defines what `input` means downstream (parsed JSON, a checked file reference).
    if (name === 'input') scope['input'] = value;
    else scope[name] = value;
    return { output: { value, [name]: value } };
  },
});
