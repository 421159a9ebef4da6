import { EngineError } from '../errors.js';
import type { JsonSchema } from '../llm/json-schema.js';
import { isTimeout, runAgentLoop, toolUsageProblem, type AgentLoopResult, type AgentLoopSettings } from '../llm/mini-agent.js';
import { formatStructuredOutput } from '../llm/structured-output.js';
import { resolveRetryPolicy } from '../run/retry.js';
import { configNumber, defineBlockExecutor, type BlockContext } from './define-block-executor.js';

const executionPreamble =
  'EXECUTION MODE: you are one step of an automated workflow. Act immediately, do not ask questions, call the tools you need, then give the result and stop.';

/** Per-call retry of transient LLM failures (reference defaults: 1 retry, 1 s, ×2, max 30 s, 20 % jitter). */
const llmRetryDefaults = { maxRetries: 1, initialDelayMs: 1_000, maxDelayMs: 30_000, backoffMultiplier: 2, jitterPercent: 20 };

function pick(config: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (config[key] !== undefined) return config[key];
  return undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function retryPolicyOf(config: Record<string, unknown>) {
  const policy = (config['retryPolicy'] ?? {}) as Record<string, unknown>;
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return resolveRetryPolicy(
    {
      maxRetries: number(policy['maxRetries']),
      initialDelayMs: number(policy['initialDelayMs'] ?? policy['initialDelay']),
      maxDelayMs: number(policy['maxDelayMs'] ?? policy['maxDelay']),
      backoffMultiplier: number(policy['backoffMultiplier']),
      jitterPercent: number(policy['jitterPercent']),
    },
    llmRetryDefaults,
  );
}

async function settingsOf({ config, ports, run, attempt }: BlockContext<unknown>, retryNotice: string | undefined): Promise<AgentLoopSettings & { requiredTools: string[]; requireToolUsage: boolean }> {
  const enabled = stringList(pick(config, 'enabledTools', 'enabled_tools'));
  const requiredTools = stringList(pick(config, 'requiredTools', 'required_tools'));
  const available = enabled.length === 0 ? [] : await ports.tools.list(run.userId);
  const tools = available.filter((tool) => enabled.includes(tool.name)).map(({ name, description, parameters }) => ({ name, description, parameters }));
  const missing = enabled.filter((name) => !tools.some((tool) => tool.name === name));
  if (missing.length > 0) throw new EngineError('TOOL_NOT_FOUND', `These tools are not available: ${missing.join(', ')}.`);
  const temperature = pick(config, 'temperature');
  const schema = config['outputSchema'] as JsonSchema | undefined;
  const requiredSection = requiredTools.length === 0 ? '' : `\n\nREQUIRED TOOLS (call each of them): ${requiredTools.join(', ')}`;
  const taskSection = `\n\nYOUR SPECIFIC TASK:\n${String(pick(config, 'systemPrompt', 'system_prompt') ?? '')}`;
  return {
    userId: run.userId,
    model: run.modelOverride ?? ((pick(config, 'model', 'modelId') as string | undefined) || undefined),
    temperature: typeof temperature === 'number' ? temperature : tools.length > 0 ? 0.3 : 0.7,
    systemPrompt: `${executionPreamble}${requiredSection}${retryNotice === undefined ? '' : `\n\nRETRY (attempt ${attempt}): ${retryNotice}`}${taskSection}`,
    userPrompt: String(pick(config, 'userPrompt', 'userPromptTemplate', 'user_prompt') ?? ''),
    tools,
    credentialIds: stringList(config['credentials']),
    maxIterations: Math.max(1, Math.min(configNumber(config, 'maxToolCalls', 15), 100)),
    retryPolicy: retryPolicyOf(config),
    responseFormat: schema === undefined ? undefined : { type: 'json_schema', name: 'output', schema },
    requiredTools,
    requireToolUsage: typeof config['requireToolUsage'] === 'boolean' ? config['requireToolUsage'] : tools.length > 0,
  };
}

function toolResultsOf(result: AgentLoopResult): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  for (const call of result.toolCalls) if (call.error === undefined) results[call.name] = call.result;
  return results;
}

/**
 * `llm_inference` (reference §3.2/§3.3): the mini-agent. Runs the agent loop with the enabled tools; re-runs it
 * with a stronger prompt (up to `maxRetries`) when required tools were not used; formats the answer to
 * `outputSchema` with one repair attempt; returns a partial result (`timedOut: true`) when the block times out.
 */
export const llmInferenceBlock = defineBlockExecutor({
  type: 'llm_inference',
  rawConfigKeys: ['outputSchema'],
  minTimeoutSeconds: 120,
  handlesTimeout: true,
  validateConfig: (config) => (pick(config, 'userPrompt', 'userPromptTemplate', 'user_prompt', 'systemPrompt', 'system_prompt') === undefined ? ['a userPrompt or systemPrompt is required.'] : []),
  async execute(context) {
    const { config, ports, signal } = context;
    const maxRetries = Math.max(0, Math.min(configNumber(config, 'maxRetries', 2), 5));
    let settings = await settingsOf(context, undefined);
    let result = await runAgentLoop(ports, settings, signal);
    let warning = toolUsageProblem(result, settings.requiredTools, settings.tools.length > 0 && settings.requireToolUsage);
    for (let retry = 1; warning !== undefined && retry <= maxRetries && !result.timedOut; retry += 1) {
      settings = await settingsOf({ ...context, attempt: retry + 1 }, warning);
      result = await runAgentLoop(ports, settings, signal);
      warning = toolUsageProblem(result, settings.requiredTools, settings.tools.length > 0 && settings.requireToolUsage);
    }
    const output: Record<string, unknown> = {
      response: result.text,
      rawResponse: result.text,
      toolCalls: result.toolCalls,
      toolResults: toolResultsOf(result),
      iterations: result.iterations,
      tokens: result.tokens,
      model: result.model,
      timedOut: result.timedOut,
    };
    if (result.stoppedBecause !== undefined) output['_stoppedBecause'] = result.stoppedBecause;
    if (warning !== undefined) output['_toolValidationWarning'] = warning;
    if (result.retriedCalls > 0) output['_retryInfo'] = { retriedCount: result.retriedCalls };
    const schema = config['outputSchema'] as JsonSchema | undefined;
    if (schema !== undefined && !result.timedOut && !isTimeout(signal)) {
      const formatted = await formatStructuredOutput(ports, { userId: settings.userId, model: settings.model, schema, text: result.text, toolCalls: result.toolCalls, retryPolicy: settings.retryPolicy }, signal);
      if (formatted.formatError !== undefined) {
        if (config['strictOutput'] === true) throw new EngineError('OUTPUT_SCHEMA_MISMATCH', `The answer does not match outputSchema: ${formatted.formatError}`);
        output['_formatError'] = formatted.formatError;
      }
      output['data'] = formatted.data;
      output['output'] = formatted.data;
      if (formatted.formatError === undefined) output['response'] = formatted.data;
      if (formatted.data !== null && typeof formatted.data === 'object' && !Array.isArray(formatted.data)) {
        for (const [key, value] of Object.entries(formatted.data)) if (!(key in output)) output[key] = value;
      }
    }
    return { output };
  },
});
