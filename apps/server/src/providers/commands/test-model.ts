import type { ModelTestResult } from '@claraverse/shared';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { LlmError, type LlmRequest, type LlmTarget } from '../llm/llm-client.js';
import { readCapabilities } from '../present-provider.js';
import { providerTarget } from '../provider-secrets.js';
import type { ProvidersDeps } from '../providers.service.js';
import { describeProviderError } from './fetch-provider-models.js';

const requestTimeoutMs = 60_000;

const timeTool = {
  name: 'get_current_time',
  description: 'Returns the current time in a time zone.',
  inputSchema: { type: 'object', properties: { timezone: { type: 'string', description: 'IANA time zone, e.g. UTC' } }, required: ['timezone'] },
};

/** Small structured-output prompts, each with the schema its answer must satisfy. */
const structuredPrompts: Array<{ prompt: string; schema: z.ZodType }> = [
  {
    prompt: 'Return only a JSON object, no prose, with keys "city" (string) and "country" (string) for the capital of France.',
    schema: z.object({ city: z.string().min(1), country: z.string().min(1) }),
  },
  {
    prompt: 'Return only a JSON object, no prose, with key "numbers": an array of the first five prime numbers as integers.',
    schema: z.object({ numbers: z.array(z.number().int()).length(5) }),
  },
  {
    prompt: 'Return only a JSON object, no prose, with keys "title" (string), "done" (boolean) and "priority" (integer 1-3) describing a to-do item.',
    schema: z.object({ title: z.string(), done: z.boolean(), priority: z.number().int().min(1).max(3) }),
  },
];

/** JSON inside an answer: the whole text, or the first fenced block, or the outermost braces. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const candidates = [text.trim(), fenced?.trim(), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next shape
    }
  }
  return undefined;
}

function request(target: LlmTarget, prompt: string, extra: Partial<LlmRequest> = {}): LlmRequest {
  return { target, messages: [{ role: 'user', content: prompt }], temperature: 0, maxOutputTokens: 256, signal: AbortSignal.timeout(requestTimeoutMs), ...extra };
}

async function probeTools(deps: ProvidersDeps, target: LlmTarget): Promise<boolean | null> {
  try {
    await deps.llmClient.complete(request(target, 'What time is it in UTC? Use the tool.', { tools: [timeTool] }));
    return true;
  } catch (error) {
    if (error instanceof LlmError && error.isToolsUnsupported) return false;
    return null;
  }
}

async function probeStructuredOutput(deps: ProvidersDeps, target: LlmTarget): Promise<number> {
  const outcomes = await Promise.all(structuredPrompts.map(async ({ prompt, schema }) => {
    try {
      const reply = await deps.llmClient.complete(request(target, prompt));
      return schema.safeParse(extractJson(reply.text)).success;
    } catch {
      return false;
    }
  }));
  return Math.round((outcomes.filter(Boolean).length / structuredPrompts.length) * 100);
}

/**
 * Tests an instance model: one plain prompt (latency, tokens per second), one with a trivial tool (does the
 * provider accept tools?), three structured-output prompts (share answered with schema-valid JSON). The
 * result is stored in `model_capabilities` and updates the model's tools and structured-output flags. A
 * provider failure is a failed test, not an error of the endpoint.
 */
export async function testModel(deps: ProvidersDeps, modelId: string): Promise<ModelTestResult> {
  const model = await deps.modelsRepository.findWithProvider(modelId);
  const provider = model && model.provider_owner_user_id === null ? await deps.providersRepository.findById(model.provider_id) : undefined;
  if (!model || !provider) throw new NotFoundError('model', modelId);
  const testedAt = deps.now().toISOString();
  const base = { modelId, testedAt, latencyMs: null, tokensPerSecond: null, supportsTools: null, structuredOutputCompliance: null };
  let result: ModelTestResult;
  let apiKey: string | null = null;
  try {
    const target = { ...providerTarget(deps.cipher, provider), model: model.name };
    apiKey = target.apiKey;
    const started = performance.now();
    const reply = await deps.llmClient.complete(request(target, 'Reply with one short sentence about the sea.', { maxOutputTokens: 128 }));
    const elapsedMs = performance.now() - started;
    const supportsTools = await probeTools(deps, target);
    const structuredOutputCompliance = await probeStructuredOutput(deps, target);
    result = {
      ...base,
      passed: true,
      latencyMs: Math.round(elapsedMs),
      tokensPerSecond: reply.usage.outputTokens > 0 && elapsedMs > 0 ? Math.round((reply.usage.outputTokens / (elapsedMs / 1000)) * 10) / 10 : null,
      supportsTools,
      structuredOutputCompliance,
      error: null,
    };
  } catch (error) {
    result = { ...base, passed: false, error: describeProviderError(error, apiKey).slice(0, 2000) };
  }
  await deps.modelsRepository.saveCapabilities(modelId, {
    last_test_result: JSON.stringify(result),
    tested_at: testedAt,
    ...(result.supportsTools === null ? {} : { tools_unsupported: result.supportsTools ? 0 : 1 }),
  });
  if (result.passed) {
    const capabilities = {
      ...readCapabilities(model.capabilities),
      ...(result.supportsTools === null ? {} : { tools: result.supportsTools }),
      structuredOutput: (result.structuredOutputCompliance ?? 0) >= 75,
    };
    await deps.modelsRepository.patch(modelId, { capabilities: JSON.stringify(capabilities), updated_at: testedAt });
  }
  return result;
}
