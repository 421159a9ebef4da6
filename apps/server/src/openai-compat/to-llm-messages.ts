import type { OpenAiChatCompletionBody, OpenAiMessage } from '@claraverse/shared';
import { ValidationError } from '../platform/errors/app-error.js';
import type { LlmMessage, LlmToolDefinition } from '../providers/llm/llm-client.js';

/** Text of an OpenAI message content (string, null, or text parts; other parts are refused). */
function textOf(content: OpenAiMessage['content'] | undefined): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => {
      if (part.type === 'text' && 'text' in part && typeof part.text === 'string') return part.text;
      throw new ValidationError(`Message parts of type "${part.type}" are not supported here; send text`);
    })
    .join('');
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new ValidationError('tool_calls[].function.arguments must be a JSON string');
  }
}

/** Splits OpenAI messages into the system prompt and the conversation the LLM port takes. */
export function toLlmConversation(messages: OpenAiMessage[]): { system: string | undefined; messages: LlmMessage[] } {
  const system: string[] = [];
  const converted: LlmMessage[] = [];
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    if (message.role === 'system' || message.role === 'developer') system.push(textOf(message.content));
    else if (message.role === 'user') converted.push({ role: 'user', content: textOf(message.content) });
    else if (message.role === 'assistant') {
      const toolCalls = (message.tool_calls ?? []).map((call) => {
        toolNames.set(call.id, call.function.name);
        return { toolCallId: call.id, toolName: call.function.name, args: parseArguments(call.function.arguments) };
      });
      converted.push({ role: 'assistant', content: textOf(message.content), ...(toolCalls.length > 0 ? { toolCalls } : {}) });
    } else {
      const toolName = toolNames.get(message.tool_call_id);
      if (!toolName) throw new ValidationError(`No assistant tool call has the id "${message.tool_call_id}"`);
      converted.push({ role: 'tool', toolCallId: message.tool_call_id, toolName, content: textOf(message.content) });
    }
  }
  if (!converted.some((message) => message.role === 'user')) throw new ValidationError('Send at least one user message');
  return { system: system.filter(Boolean).join('\n\n') || undefined, messages: converted };
}

/** OpenAI `tools` → the LLM port's tool definitions. */
export function toLlmTools(tools: OpenAiChatCompletionBody['tools']): LlmToolDefinition[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? '',
    inputSchema: tool.function.parameters ?? { type: 'object', properties: {} },
  }));
}
