import { EngineError } from '../errors.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

/** A tool's output parsed when it is JSON text. */
export function parseToolOutput(output: unknown): unknown {
  if (typeof output !== 'string') return output;
  try {
    return JSON.parse(output) as unknown;
  } catch {
    return output;
  }
}

function defaultArguments(inputs: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const value of Object.values(inputs)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) if (!key.startsWith('_')) merged[key] = item;
    }
  }
  return merged;
}

/**
 * `code_block` `{ toolName, argumentMapping?, credentials? }` (reference §3.2): a direct tool call, no LLM.
 * The mapping's templates were rendered with whole-value substitution (types kept); without a mapping the
 * parents' non-underscore fields are passed. Output `{ response, result, data, toolName, raw }`.
 */
export const codeBlockBlock = defineBlockExecutor({
  type: 'code_block',
  validateConfig: (config) => (configString(config, 'toolName') === '' ? ['toolName is required.'] : []),
  async execute({ config, ports, signal, run, inputs }) {
    const toolName = configString(config, 'toolName');
    const mapping = config['argumentMapping'];
    const args = mapping !== null && typeof mapping === 'object' && !Array.isArray(mapping) ? (mapping as Record<string, unknown>) : defaultArguments(inputs);
    const credentialIds = Array.isArray(config['credentials']) ? config['credentials'].filter((id): id is string => typeof id === 'string') : [];
    const result = await ports.tools.run({ userId: run.userId, name: toolName, arguments: args, credentialIds }, signal);
    if (result.isError === true) {
      throw new EngineError('TOOL_FAILED', `Tool "${toolName}" failed: ${typeof result.output === 'string' ? result.output : JSON.stringify(result.output)}`);
    }
    const data = parseToolOutput(result.output);
    return { output: { response: result.output, result: data, data, toolName, raw: result.output } };
  },
});
