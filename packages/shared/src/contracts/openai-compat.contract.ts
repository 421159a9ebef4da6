import { z } from 'zod';

/**
 * The subset of OpenAI's Chat Completions request that ClaraVerse accepts at `POST /v1/chat/completions`.
 * Unknown top-level fields are ignored (clients send many optional ones), but the fields below are checked.
 */
const textPartSchema = z.object({ type: z.literal('text'), text: z.string() });
const contentSchema = z.union([z.string(), z.array(z.union([textPartSchema, z.object({ type: z.string() }).loose()]))]).nullable();

export const openAiToolCallSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(200), arguments: z.string().max(1_000_000) }),
});

export const openAiMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: contentSchema }),
  z.object({ role: z.literal('developer'), content: contentSchema }),
  z.object({ role: z.literal('user'), content: contentSchema }),
  z.object({ role: z.literal('assistant'), content: contentSchema.optional(), tool_calls: z.array(openAiToolCallSchema).optional() }),
  z.object({ role: z.literal('tool'), content: contentSchema, tool_call_id: z.string().min(1).max(200) }),
]);
export type OpenAiMessage = z.infer<typeof openAiMessageSchema>;

export const openAiToolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/, { message: 'Tool names use letters, digits, _ and -' }),
    description: z.string().max(10_000).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const openAiChatCompletionBodySchema = z.object({
  model: z.string().min(1).max(200),
  messages: z.array(openAiMessageSchema).min(1).max(5_000),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  tools: z.array(openAiToolSchema).max(128).optional(),
});
export type OpenAiChatCompletionBody = z.infer<typeof openAiChatCompletionBodySchema>;

export const openAiModelListSchema = z.object({
  object: z.literal('list'),
  data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number(), owned_by: z.string() })),
});

export const openAiChatCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number(),
      message: z.object({ role: z.literal('assistant'), content: z.string().nullable(), tool_calls: z.array(openAiToolCallSchema).optional() }),
      finish_reason: z.string(),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
});

