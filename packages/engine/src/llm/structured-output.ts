import type { EnginePorts, LlmRequest } from '../ports.js';
import type { ResolvedRetryPolicy } from '../run/retry.js';
import { checkJsonSchema, extractJson, type JsonSchema } from './json-schema.js';
import { completeWithRetry, type ToolCallRecord } from './mini-agent.js';

export interface StructuredResult {
  data: unknown;
  /** Problems left after the repair attempt; undefined when the data matches the schema. */
  formatError: string | undefined;
  repaired: boolean;
}

function check(data: unknown, schema: JsonSchema): string[] {
  return data === undefined ? ['the answer holds no JSON'] : checkJsonSchema(data, schema);
}

/**
 * Structured output (reference §3.3 phase 2): the model's answer is parsed and checked against the JSON Schema;
 * when it does not match, one formatting call (temperature 0.1, `response_format: json_schema`) is asked to turn
 * the answer and tool results into the schema, and the result is checked again.
 */
export async function formatStructuredOutput(
  ports: EnginePorts,
  options: { userId: string; model: string | undefined; schema: JsonSchema; text: string; toolCalls: ToolCallRecord[]; retryPolicy: ResolvedRetryPolicy },
  signal: AbortSignal,
): Promise<StructuredResult> {
  const first = extractJson(options.text);
  const problems = check(first, options.schema);
  if (problems.length === 0) return { data: first, formatError: undefined, repaired: false };
  const toolResults = options.toolCalls.map((call) => ({ tool: call.name, result: call.result }));
  const request: LlmRequest = {
    userId: options.userId,
    model: options.model,
    temperature: 0.1,
    responseFormat: { type: 'json_schema', name: 'output', schema: options.schema },
    messages: [
      { role: 'system', content: 'Convert the content below into JSON that matches the given JSON Schema exactly. Answer with the JSON only.' },
      {
        role: 'user',
        content: `JSON Schema:\n${JSON.stringify(options.schema)}\n\nProblems with the previous answer:\n${problems.join('\n')}\n\nContent:\n${options.text}\n\nTool results:\n${JSON.stringify(toolResults).slice(0, 20_000)}`,
      },
    ],
  };
  const response = await completeWithRetry(ports, request, options.retryPolicy, signal, () => undefined);
  const repaired = extractJson(response.content ?? '');
  const remaining = check(repaired, options.schema);
  if (remaining.length === 0) return { data: repaired, formatError: undefined, repaired: true };
  return { data: repaired ?? first, formatError: remaining.join('; '), repaired: true };
}
