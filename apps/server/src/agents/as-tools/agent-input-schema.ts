/** Reads the JSON Schema a caller's `input` must follow from the agent's start block (variable `read` of `input`). */
interface StoredBlock {
  type?: unknown;
  config?: Record<string, unknown>;
}

/**
 * The JSON Schema of an agent's run input, from its stored workflow: text start blocks take a string, JSON start
 * blocks an object (their `jsonSchema` when set, else any JSON); without a start block anything goes.
 */
export function agentInputSchema(workflowJson: string | null): Record<string, unknown> {
  let blocks: StoredBlock[] = [];
  try {
    const parsed = workflowJson ? (JSON.parse(workflowJson) as { blocks?: unknown }) : {};
    if (Array.isArray(parsed.blocks)) blocks = parsed.blocks as StoredBlock[];
  } catch {
    blocks = [];
  }
  const start = blocks.find((block) => block.type === 'variable' && (block.config?.['operation'] ?? 'read') === 'read' && block.config?.['variableName'] === 'input');
  if (!start) return { description: 'The run input (any JSON value)' };
  const config = start.config ?? {};
  if (config['inputType'] === 'json') {
    const schema = config['jsonSchema'];
    if (schema !== null && typeof schema === 'object' && !Array.isArray(schema)) return { ...(schema as Record<string, unknown>), description: 'The run input (JSON)' };
    return { type: 'object', description: 'The run input (a JSON object)', additionalProperties: true };
  }
  return { type: 'string', description: 'The run input (text)' };
}
