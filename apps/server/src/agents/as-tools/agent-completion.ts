import { randomUUID } from 'node:crypto';
import type { OpenAiChatCompletionBody } from '@claraverse/shared';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { agentOutputText, type AgentModels } from './agent-models.js';

/** The text of the conversation's last user message (string content, or its text parts joined). */
function lastUserText(messages: OpenAiChatCompletionBody['messages']): string {
  const last = messages.findLast((message) => message.role === 'user');
  if (!last) throw new AppError('validation_failed', 'An agent model needs a user message: its text is the agent\'s input');
  const { content } = last;
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' && typeof part['text'] === 'string' ? part['text'] : '')).join('');
}

/**
 * `POST /v1/chat/completions` with `model: "agent:<id>"`: runs the user's agent with the last user message's text
 * as input and answers in OpenAI's format: one choice (the output, a string as is or JSON text), or when streamed
 * one content chunk then `[DONE]`. A run that does not complete (partial, failed, cancelled) is a 502 `upstream_error` naming the agent's error.
 */
export async function answerWithAgent(
  request: { userId: string; body: OpenAiChatCompletionBody; reply: FastifyReply; signal: AbortSignal; now: () => Date },
  agentModels: AgentModels,
): Promise<unknown> {
  const { body, reply } = request;
  const ended = await agentModels.run(request.userId, body.model, lastUserText(body.messages), request.signal);
  // Only a complete run answers: a partial run's output misses a failed branch the client could not see otherwise.
  if (ended.status !== 'completed') {
    const what = { running: 'did not finish', partial: 'partly failed', failed: 'failed', cancelled: 'was cancelled' }[ended.status];
    throw new AppError('upstream_error', `The agent's run ${what}: ${ended.error?.message ?? 'no output'}`, {
      status: ended.status, ...(ended.error ? { error: ended.error } : {}),
    });
  }
  const content = agentOutputText(ended.output);
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(request.now().getTime() / 1000);
  const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  if (!body.stream) {
    return {
      id, object: 'chat.completion' as const, created, model: body.model,
      choices: [{ index: 0, message: { role: 'assistant' as const, content }, finish_reason: 'stop' }], usage,
    };
  }
  const chunk = (delta: object, finishReason: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`;
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-request-id': reply.request.id });
  reply.raw.write(chunk({ role: 'assistant', content }, 'stop', body.stream_options?.include_usage ? { usage } : {}));
  reply.raw.end('data: [DONE]\n\n');
  return reply;
}
