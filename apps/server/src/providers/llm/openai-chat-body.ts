import type { LlmMessage, LlmRequest, LlmUserContentPart } from './llm-client.js';

// The Chat Completions request body of the lean OpenAI stream path (openai-stream.ts, docs/decisions/0005): the
// same fields the AI SDK's OpenAI / OpenAI-compatible chat models send.

/** The `openai` provider's model families that take `developer` messages and no temperature (as the AI SDK decides). */
export function isOpenAiReasoningModel(model: string): boolean {
  if (/^o\d+(?:-|$)/.test(model)) return true;
  const gpt = /^gpt-(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(model);
  if (gpt === null) return false;
  const isChatVariant = gpt[2] === undefined && (gpt[3]?.startsWith('chat') ?? false);
  return Number(gpt[1]) >= 5 && !isChatVariant;
}

/**
 * A user message's content as Chat Completions takes it. Like the AI SDK: a lone text part is sent as a string,
 * images as `image_url` parts holding a base64 data URL.
 */
function toWireUserContent(content: LlmUserContentPart[] | string): unknown {
  if (typeof content === 'string') return content;
  const [first] = content;
  if (content.length === 1 && first?.type === 'text') return first.text;
  return content.map((part) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image_url', image_url: { url: `data:${part.mimeType};base64,${Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength).toString('base64')}` } });
}

function toWireMessage(message: LlmMessage, systemRole: 'system' | 'developer'): Record<string, unknown> {
  switch (message.role) {
    case 'system':
      return { role: systemRole, content: message.content };
    case 'user':
      return { role: 'user', content: toWireUserContent(message.content) };
    case 'assistant':
      if (message.toolCalls === undefined || message.toolCalls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: message.toolCalls.map((call) => ({ id: call.toolCallId, type: 'function', function: { name: call.toolName, arguments: JSON.stringify(call.args ?? {}) } })),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

/** The Chat Completions body the AI SDK's OpenAI / OpenAI-compatible chat models would send for this request. */
export function buildOpenAiChatBody(request: LlmRequest): Record<string, unknown> {
  const { target } = request;
  const isReasoningModel = target.kind === 'openai' && isOpenAiReasoningModel(target.model);
  const systemRole = isReasoningModel ? 'developer' : 'system';
  const messages = request.messages.map((message) => toWireMessage(message, systemRole));
  if (request.system !== undefined) messages.unshift({ role: systemRole, content: request.system });
  const dropsTemperature = isReasoningModel || (target.kind === 'openai' && /^gpt-4o(-mini)?-search-preview/.test(target.model));
  const body: Record<string, unknown> = { model: target.model };
  if (request.maxOutputTokens !== undefined) body[isReasoningModel ? 'max_completion_tokens' : 'max_tokens'] = request.maxOutputTokens;
  if (request.temperature !== undefined && !dropsTemperature) body.temperature = request.temperature;
  if (isReasoningModel && request.reasoning === true) body.reasoning_effort = 'medium';
  body.messages = messages;
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } }));
    body.tool_choice = 'auto';
  }
  body.stream = true;
  body.stream_options = { include_usage: true };
  return body;
}
