import { randomUUID } from 'node:crypto';
import { openAiChatCompletionBodySchema, openAiChatCompletionSchema, openAiModelListSchema, type UserModel } from '@claraverse/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerWithAgent } from '../agents/as-tools/agent-completion.js';
import { agentModelPrefix, type AgentModels } from '../agents/as-tools/agent-models.js';
import type { ModelResolver } from '../chat/chat-model.js';
import type { UsageRepository } from '../chat/usage.repository.js';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import { createDeltaCoalescer, relayCoalescing } from '../providers/llm/delta-coalescer.js';
import type { LlmClient, LlmFinishReason, LlmRequest, LlmStreamPart, LlmToolCall } from '../providers/llm/llm-client.js';
import { rethrowAsAppError } from './llm-error-to-app-error.js';
import { toLlmConversation, toLlmTools } from './to-llm-messages.js';

export interface OpenAiCompatDeps {
  listUserModels(userId: string): Promise<UserModel[]>;
  resolveModel: ModelResolver;
  llmClient: LlmClient;
  usageRepository: UsageRepository;
  now: () => Date;
  /** The user's agents as models `agent:<id>` (listed and run); absent: only providers' models. */
  agentModels?: AgentModels;
}

const finishReasonOf = (reason: LlmFinishReason) =>
  reason === 'tool-calls' ? 'tool_calls' : reason === 'content-filter' ? 'content_filter' : reason === 'length' ? 'length' : 'stop';

const toOpenAiToolCall = (call: LlmToolCall) => ({
  id: call.toolCallId, type: 'function' as const, function: { name: call.toolName, arguments: JSON.stringify(call.args ?? {}) },
});

/** An AbortSignal that fires when the HTTP client goes away, so the upstream request is closed too. */
function clientGone(request: FastifyRequest, reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  request.raw.on('aborted', () => controller.abort());
  return controller;
}

async function streamCompletion(reply: FastifyReply, llmRequest: LlmRequest, deps: OpenAiCompatDeps, modelName: string, includeUsage: boolean) {
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(deps.now().getTime() / 1000);
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: modelName, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
  const streamError = (error: unknown) => {
    const message = error instanceof Error ? error.message : 'The stream was interrupted';
    return `data: ${JSON.stringify({ error: { message, type: 'stream_error', code: (error as { code?: string }).code ?? 'stream_interrupted' } })}\n\n`;
  };
  // The stream opens (headers and the role chunk) when the provider accepted the request, as OpenAI's own API does,
  // so the client has its response before the first token. Until then a failure is still a JSON error with its
  // status; providers that give no such signal open it at the first part.
  let isOpen = false;
  const open = () => {
    if (isOpen) return;
    isOpen = true;
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-request-id': reply.request.id });
    reply.raw.write(chunk({ role: 'assistant', content: '' }, null));
  };
  const iterator = deps.llmClient.streamChat({ ...llmRequest, onResponseStart: open })[Symbol.asyncIterator]();
  let usage = { inputTokens: 0, outputTokens: 0 };
  let next: IteratorResult<LlmStreamPart>;
  try {
    next = await iterator.next();
  } catch (error) {
    if (!isOpen) rethrowAsAppError(error);
    reply.raw.end(`${streamError(error)}data: [DONE]\n\n`);
    return usage;
  }
  open();
  let toolIndex = 0;
  // One SSE event per ~15 ms of deltas rather than one per token (the first goes out at once).
  const coalescer = createDeltaCoalescer({
    ...relayCoalescing,
    emit(part) {
      if (part.type === 'text-delta') reply.raw.write(chunk({ content: part.delta }, null));
      else if (part.type === 'reasoning-delta') reply.raw.write(chunk({ reasoning_content: part.delta }, null));
      else if (part.type === 'tool-call') reply.raw.write(chunk({ tool_calls: [{ index: toolIndex++, ...toOpenAiToolCall(part) }] }, null));
      else {
        usage = part.usage;
        reply.raw.write(chunk({}, finishReasonOf(part.finishReason)));
      }
    },
  });
  try {
    try {
      for (; !next.done; next = await iterator.next()) coalescer.push(next.value);
    } finally {
      coalescer.flush();
    }
    if (includeUsage) {
      reply.raw.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: modelName, choices: [], usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens } })}\n\n`);
    }
  } catch (error) {
    reply.raw.write(streamError(error));
  }
  reply.raw.end('data: [DONE]\n\n');
  return usage;
}

/** `/v1/models` and `/v1/chat/completions`: the OpenAI-compatible API, authenticated by personal API keys. */
export function openAiCompatRoutes(deps: OpenAiCompatDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET', url: '/v1/models', summary: 'Models this API key may use (OpenAI format)', tags: ['openai-compatible'], auth: 'api-key', apiKeyScope: 'chat',
      responses: { 200: openAiModelListSchema },
      handler: async ({ user }) => {
        const models = await deps.listUserModels(user.id);
        const created = Math.floor(deps.now().getTime() / 1000);
        const agents = deps.agentModels ? await deps.agentModels.list(user.id) : [];
        return {
          object: 'list' as const,
          data: [
            ...models.map((model) => ({ id: model.name, object: 'model' as const, created, owned_by: model.providerName })),
            ...agents.map((agent) => ({ id: agent.id, object: 'model' as const, created, owned_by: 'agent' })),
          ],
        };
      },
    }),
    defineRoute({
      method: 'POST', url: '/v1/chat/completions', summary: 'Chat completion, streamed (SSE) or not (OpenAI format)', tags: ['openai-compatible'], auth: 'api-key', apiKeyScope: 'chat',
      body: openAiChatCompletionBodySchema,
      responses: { 200: openAiChatCompletionSchema },
      handler: async ({ user, body, request, reply }) => {
        if (deps.agentModels && body.model.startsWith(agentModelPrefix)) {
          return answerWithAgent({ userId: user.id, body, reply, signal: clientGone(request, reply).signal, now: deps.now }, deps.agentModels);
        }
        const resolved = await deps.resolveModel(user.id, body.model);
        const conversation = toLlmConversation(body.messages);
        const controller = clientGone(request, reply);
        const system = [resolved.provider.systemPrompt, resolved.model.systemPrompt, conversation.system].filter(Boolean).join('\n\n') || undefined;
        const tools = toLlmTools(body.tools);
        const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
        const llmRequest: LlmRequest = {
          target: resolved.target, messages: conversation.messages, signal: controller.signal,
          ...(system ? { system } : {}), ...(tools ? { tools } : {}),
          ...(typeof body.temperature === 'number' ? { temperature: body.temperature } : {}),
          ...(maxOutputTokens ? { maxOutputTokens } : {}),
        };
        const record = (usage: { inputTokens: number; outputTokens: number }) =>
          deps.usageRepository.add({ userId: user.id, modelId: resolved.model.id, day: deps.now().toISOString().slice(0, 10), ...usage }).catch(() => undefined);
        if (body.stream) {
          await record(await streamCompletion(reply, llmRequest, deps, body.model, body.stream_options?.include_usage ?? false));
          return reply;
        }
        const result = await deps.llmClient.complete(llmRequest).catch(rethrowAsAppError);
        await record(result.usage);
        const toolCalls = (result.toolCalls ?? []).map(toOpenAiToolCall);
        return {
          id: `chatcmpl-${randomUUID()}`, object: 'chat.completion' as const, created: Math.floor(deps.now().getTime() / 1000), model: body.model,
          choices: [{
            index: 0,
            message: { role: 'assistant' as const, content: result.text || (toolCalls.length > 0 ? null : ''), ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
            finish_reason: finishReasonOf(result.finishReason),
          }],
          usage: { prompt_tokens: result.usage.inputTokens, completion_tokens: result.usage.outputTokens, total_tokens: result.usage.inputTokens + result.usage.outputTokens },
        };
      },
    }),
  ];
}
