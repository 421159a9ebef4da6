import { systemClock, type EnginePorts, type LlmMessage, type LlmRequest, type LlmResponse, type RunAgentPort, type ToolDescriptor } from '@claraverse/engine';
import { AppError } from '../../platform/errors/app-error.js';
import type { OutboundHttp } from '../../platform/outbound-http/outbound-http.js';
import type { LlmClient, LlmFinishReason, LlmMessage as ServerLlmMessage, LlmTarget } from '../../providers/llm/llm-client.js';
import { LlmError } from '../../providers/llm/llm-client.js';
import type { ToolCall } from '../../tools/tool-context-factory.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { RegisteredTool } from '../../tools/tool-registry.js';
import { ToolArgumentsError } from '../../tools/tool-registry.js';
import type { Sandbox } from '../../tools/tool-ports.js';
import { signOutboundWebhook } from '../triggers/webhook-signature.js';
import { applyHttpCredential, redactSecrets, resolveSigningSecret, type BlockCredentialsDeps } from './block-credentials.js';

/** What the engine's ports need of the rest of the server (narrow, so tests and the composition root stay simple). */
export interface EnginePortsDeps {
  llmClient: LlmClient;
  /** The user's model by id or alias (providers domain). @throws AppError not_found / forbidden */
  resolveModel(userId: string, modelId: string): Promise<{ target: LlmTarget; toolsUnsupported: boolean }>;
  /** The models the user may use, best first (the first is the default when a block names none). */
  listUserModels(userId: string): Promise<Array<{ id: string }>>;
  /** Non-interactive tools the user can use now (registry + usable filter). */
  listTools(userId: string): Promise<RegisteredTool[]>;
  createToolContext(call: ToolCall): ToolContext;
  /** The integration of each of the user's credentials, by credential id. */
  credentialIntegrations(userId: string): Promise<Map<string, string>>;
  /** The credentials domain's resolver: http_request credentials and webhook signing secrets by reference. */
  credentialsFor: BlockCredentialsDeps['credentialsFor'];
  /** The running agent's webhook signing secret (webhook blocks with `secretRef: "agent"`). */
  agentWebhookSecret: BlockCredentialsDeps['agentWebhookSecret'];
  http: OutboundHttp;
  sandbox: Sandbox;
  runAgent: RunAgentPort;
  /** Longest tool call, milliseconds (the block's own timeout applies too). */
  toolTimeoutMs: number;
}

const finishReasons: Record<LlmFinishReason, LlmResponse['finishReason']> = {
  stop: 'stop', length: 'length', 'content-filter': 'content_filter', 'tool-calls': 'tool_calls', other: 'stop',
};

/**
 * The engine's OpenAI-shaped messages in the LLM client's shape: system messages become the `system` option,
 * tool results carry their tool's name.
 */
function toServerMessages(messages: LlmMessage[]): { system: string[]; messages: ServerLlmMessage[] } {
  const toolNames = new Map<string, string>();
  const system: string[] = [];
  const converted = messages.filter((message) => (message.role === 'system' ? (system.push(message.content ?? ''), false) : true)).map((message): ServerLlmMessage => {
    if (message.role === 'assistant') {
      const toolCalls = (message.toolCalls ?? []).map((call) => {
        toolNames.set(call.id, call.name);
        return { toolCallId: call.id, toolName: call.name, args: call.arguments };
      });
      return { role: 'assistant', content: message.content ?? '', ...(toolCalls.length > 0 ? { toolCalls } : {}) };
    }
    if (message.role === 'tool') {
      const toolCallId = message.toolCallId ?? '';
      return { role: 'tool', toolCallId, toolName: toolNames.get(toolCallId) ?? 'tool', content: message.content ?? '' };
    }
    return { role: 'user', content: message.content ?? '' };
  });
  return { system, messages: converted };
}

/** A provider failure the engine can classify: `status` and `isTransient` from the LLM client's error. */
function engineFacingError(error: unknown): unknown {
  if (error instanceof LlmError) return Object.assign(new Error(error.message), { code: `LLM_${error.code.toUpperCase()}`, status: error.status, isTransient: error.retryable });
  if (error instanceof AppError) return Object.assign(new Error(error.message), { code: error.code.toUpperCase(), isTransient: false });
  return error;
}

function createLlmPort(deps: EnginePortsDeps): EnginePorts['llm'] {
  return {
    async complete(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse> {
      try {
        const modelId = request.model ?? (await deps.listUserModels(request.userId))[0]?.id;
        if (!modelId) throw new AppError('validation_failed', 'No model is available: an administrator must add a provider first');
        const resolved = await deps.resolveModel(request.userId, modelId);
        const { system, messages } = toServerMessages(request.messages);
        if (request.responseFormat) {
          // The LLM client has no native structured output yet: ask for the schema in words (the engine checks it).
          system.push(`Answer with one JSON value only (no prose, no code fence) matching this JSON Schema: ${JSON.stringify(request.responseFormat.schema)}`);
        }
        const tools = resolved.toolsUnsupported ? undefined : request.tools?.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.parameters }));
        const reply = await deps.llmClient.complete({
          target: resolved.target, messages, signal,
          ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(tools && tools.length > 0 ? { tools } : {}),
        });
        return {
          content: reply.text,
          toolCalls: (reply.toolCalls ?? []).map((call) => ({
            id: call.toolCallId, name: call.toolName,
            arguments: call.args !== null && typeof call.args === 'object' ? (call.args as Record<string, unknown>) : {},
          })),
          finishReason: finishReasons[reply.finishReason],
          model: resolved.target.model,
          usage: { input: reply.usage.inputTokens, output: reply.usage.outputTokens },
        };
      } catch (error) {
        throw engineFacingError(error);
      }
    },
  };
}

function createToolsPort(deps: EnginePortsDeps): EnginePorts['tools'] {
  return {
    async list(userId): Promise<ToolDescriptor[]> {
      return (await deps.listTools(userId)).map((tool) => ({
        name: tool.name, description: tool.description, parameters: tool.inputJsonSchema, ...(tool.integration ? { integration: tool.integration } : {}),
      }));
    },
    async run(request, signal) {
      const tool = (await deps.listTools(request.userId)).find((candidate) => candidate.name === request.name);
      if (!tool) return { output: `Unknown tool "${request.name}"`, isError: true };
      // A block names credential ids; the tool context wants them by integration.
      let credentialIds: Record<string, string> | undefined;
      if (request.credentialIds.length > 0) {
        const integrations = await deps.credentialIntegrations(request.userId);
        credentialIds = {};
        for (const id of request.credentialIds) {
          const integration = integrations.get(id);
          if (integration) credentialIds[integration] = id;
        }
      }
      const timeout = AbortSignal.timeout(tool.timeoutMs ?? deps.toolTimeoutMs);
      const context = deps.createToolContext({ userId: request.userId, signal: AbortSignal.any([signal, timeout]), ...(credentialIds ? { credentialIds } : {}) });
      try {
        const result = await tool.run(request.arguments, context);
        return { output: result.result };
      } catch (error) {
        if (error instanceof ToolArgumentsError || error instanceof AppError) return { output: error.message, isError: true };
        throw engineFacingError(error);
      }
    },
  };
}

/**
 * HTTP through the SSRF-guarded client. A `credentialId` is resolved here (the user's own credential, applied by
 * type: `block-credentials.ts`); the secret stays on this side: redirects are not followed with it, and any echo
 * of it in the response or an error is redacted before the engine records anything.
 */
function createHttpPort(deps: EnginePortsDeps): EnginePorts['http'] {
  return {
    async request(request, signal) {
      const applied = request.credentialId === undefined
        ? { url: request.url, headers: request.headers, secrets: [] as string[] }
        : await applyHttpCredential(deps, { userId: request.userId, credentialId: request.credentialId, url: request.url, headers: request.headers });
      try {
        const response = await deps.http.request(applied.url, {
          method: request.method, headers: applied.headers, signal, timeoutMs: request.timeoutMs,
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(applied.secrets.length > 0 ? { maxRedirects: 0 } : {}),
        });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) headers[name] = redactSecrets(value, applied.secrets);
        return { status: response.status, headers, body: redactSecrets(response.text(), applied.secrets) };
      } catch (error) {
        if (error instanceof AppError) {
          const transient = error.code === 'outbound_timeout' || error.code === 'upstream_unavailable';
          throw Object.assign(new Error(redactSecrets(error.message, applied.secrets)), { code: error.code.toUpperCase(), isTransient: transient });
        }
        if (error instanceof Error && applied.secrets.length > 0) error.message = redactSecrets(error.message, applied.secrets);
        throw error;
      }
    },
  };
}

function createSandboxPort(deps: EnginePortsDeps): EnginePorts['sandbox'] {
  return {
    async run(request, signal) {
      // The input is a file beside the code (`input.json`); the result is the last stdout line when it is JSON.
      const result = await deps.sandbox.run({
        language: request.language, code: request.code, timeoutMs: request.timeoutMs, signal,
        files: [{ name: 'input.json', data: Buffer.from(JSON.stringify(request.input ?? null)) }],
      });
      if (result.killedBy === 'cancelled') throw signal.reason ?? new Error('cancelled');
      if (result.killedBy) throw Object.assign(new Error(`The code was stopped (${result.killedBy})`), { code: `SANDBOX_${result.killedBy.toUpperCase()}`, isTransient: false });
      if (result.exitCode !== 0) throw Object.assign(new Error(result.stderr.slice(-2000) || `exit code ${result.exitCode}`), { code: 'CODE_FAILED', isTransient: false });
      const lastLine = result.stdout.trimEnd().split('\n').at(-1) ?? '';
      let value: unknown = lastLine;
      try {
        value = JSON.parse(lastLine);
      } catch {
        // Plain text output stays text.
      }
      return { result: value, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

/**
 * The engine's ports as the server implements them: models through the providers and the LLM client, tools
 * through the registry and the tool context factory, HTTP through the SSRF-guarded client, code in the sandbox,
 * sub-agents through the run service, and real time.
 */
export function createEnginePorts(deps: EnginePortsDeps): EnginePorts {
  return {
    llm: createLlmPort(deps),
    tools: createToolsPort(deps),
    http: createHttpPort(deps),
    sandbox: createSandboxPort(deps),
    runAgent: deps.runAgent,
    // Webhook blocks: the secret a reference names (a credential, or the agent's webhook secret), the callback's scheme.
    signWebhook: async (request) => signOutboundWebhook(await resolveSigningSecret(deps, request), request.body, request.timestamp),
    ...systemClock,
  };
}
