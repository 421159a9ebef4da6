import { z } from 'zod';
import { pingClientMessageSchema, pongServerMessageSchema } from './base-messages.js';

const conversationIdSchema = z.string().min(1).max(64);
const messageIdSchema = z.string().min(1).max(64);

/** A file the user attached to a message (an upload of theirs, by id). */
export const chatAttachmentSchema = z.strictObject({
  fileId: z.string().min(1).max(64),
  filename: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(200),
});
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

/** One turn of the conversation the browser sends (chats live in the browser). */
export const chatTurnSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(2_000_000),
  /** User turns: images go to vision models as images; other files are named so the model can read them with tools. */
  attachments: z.array(chatAttachmentSchema).max(10).optional(),
});

/** An image of the conversation the model may refer to by handle (`img-1`…), kept as an upload. */
export const chatImageHandleSchema = z.strictObject({
  handle: z.string().regex(/^img-\d{1,6}$/),
  fileId: z.string().min(1).max(64),
});
export type ChatImageHandle = z.infer<typeof chatImageHandleSchema>;
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const chatSendMessageSchema = z.strictObject({
  type: z.literal('chat.send'),
  conversationId: conversationIdSchema,
  /** Id of the assistant message the browser will fill. */
  messageId: messageIdSchema,
  modelId: z.string().min(1).max(200),
  messages: z.array(chatTurnSchema).min(1).max(5_000),
  systemPrompt: z.string().max(50_000).optional(),
  disableTools: z.boolean().optional(),
  /** The conversation's images so far, so tools can take `image_id: "img-2"`. */
  images: z.array(chatImageHandleSchema).max(500).optional(),
  options: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
      reasoning: z.boolean().optional(),
    })
    .optional(),
});
export const chatStopMessageSchema = z.strictObject({ type: z.literal('chat.stop'), conversationId: conversationIdSchema });
export const chatResumeMessageSchema = z.strictObject({
  type: z.literal('chat.resume'),
  conversationId: conversationIdSchema,
  messageId: messageIdSchema,
  /** Replay every message with a greater seq (0 replays everything). */
  afterSeq: z.number().int().min(0),
});

/** One question of an `ask_user` form (reference §4.2). */
export const promptQuestionSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(500),
  type: z.enum(['text', 'number', 'checkbox', 'select', 'multi-select']),
  required: z.boolean().optional(),
  options: z.array(z.string().max(200)).max(50).optional(),
  placeholder: z.string().max(200).optional(),
  allowOther: z.boolean().optional(),
  defaultValue: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  validation: z
    .object({ min: z.number().optional(), max: z.number().optional(), pattern: z.string().max(200).optional(), minLength: z.number().int().optional(), maxLength: z.number().int().optional() })
    .optional(),
});
export type PromptQuestion = z.infer<typeof promptQuestionSchema>;

/** The user's answer to an `ask_user` form (or a skip). */
export const promptAnswerMessageSchema = z.strictObject({
  type: z.literal('prompt.answer'),
  conversationId: conversationIdSchema,
  promptId: z.string().min(1).max(64),
  answers: z.record(z.string().max(64), z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1_000)).max(50)])).optional(),
  skipped: z.boolean().optional(),
});
export type PromptAnswerMessage = z.infer<typeof promptAnswerMessageSchema>;

/** The chat route's own client messages (the hub answers `auth` and `ping` itself). */
export const chatRequestMessageSchema = z.discriminatedUnion('type', [
  chatSendMessageSchema,
  chatStopMessageSchema,
  chatResumeMessageSchema,
  promptAnswerMessageSchema,
]);
export type ChatRequestMessage = z.infer<typeof chatRequestMessageSchema>;

/** Client → server on `/ws/chat` (after `auth`). */
export const chatClientMessageSchema = z.discriminatedUnion('type', [
  chatSendMessageSchema,
  chatStopMessageSchema,
  chatResumeMessageSchema,
  promptAnswerMessageSchema,
  pingClientMessageSchema,
]);
export type ChatClientMessage = z.infer<typeof chatClientMessageSchema>;
export type ChatSendMessage = z.infer<typeof chatSendMessageSchema>;

/** Codes of `chat.error`. */
export const chatErrorCodes = [
  'invalid_request', 'model_not_found', 'provider_disabled', 'provider_auth', 'rate_limited', 'provider_unavailable',
  'context_too_long', 'stream_interrupted', 'timeout', 'conversation_busy', 'resume_not_found', 'too_many_streams', 'internal',
] as const;
export type ChatErrorCode = (typeof chatErrorCodes)[number];

const replyFields = { conversationId: z.string(), messageId: z.string(), seq: z.number().int().min(1) };

export const chatFinishReasons = ['stop', 'length', 'content-filter', 'tool-calls', 'stopped', 'error', 'other'] as const;

/** Server → client on `/ws/chat`. Every reply message carries `seq`, increasing by 1 within a reply. */
export const chatServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat.start'), ...replyFields, modelId: z.string() }),
  z.object({ type: z.literal('chat.text-delta'), ...replyFields, delta: z.string() }),
  z.object({ type: z.literal('chat.reasoning-delta'), ...replyFields, delta: z.string() }),
  z.object({
    type: z.literal('chat.tool-call'), ...replyFields, toolCallId: z.string(), toolName: z.string(), displayName: z.string(),
    /** Lucide icon name. */
    icon: z.string(), args: z.unknown(),
  }),
  z.object({
    type: z.literal('chat.tool-result'), ...replyFields, toolCallId: z.string(), status: z.enum(['completed', 'failed']), result: z.unknown(),
    plots: z.array(z.object({ format: z.string(), data: z.string() })).optional(),
    /** Generated or edited images, in the order of `plots`, with the handle the model knows them by. */
    images: z.array(z.object({ handle: z.string(), fileId: z.string(), mimeType: z.string() })).optional(),
  }),
  z.object({
    type: z.literal('chat.finish'), ...replyFields, finishReason: z.enum(chatFinishReasons),
    usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
  }),
  z.object({ type: z.literal('chat.error'), ...replyFields, code: z.enum(chatErrorCodes), message: z.string(), retryable: z.boolean() }),
  z.object({ type: z.literal('chat.title'), ...replyFields, title: z.string() }),
  /** `ask_user`: show a form; answer with `prompt.answer` within `expiresAt`. Part of the reply (replayed on resume). */
  z.object({
    type: z.literal('prompt.request'), ...replyFields, promptId: z.string(), title: z.string(), description: z.string().optional(),
    questions: z.array(promptQuestionSchema), allowSkip: z.boolean(), expiresAt: z.string(),
  }),
  z.object({
    type: z.literal('chat.compaction'), ...replyFields, status: z.enum(['started', 'summarizing', 'completed']),
    progress: z.number().min(0).max(100), summary: z.string().optional(),
  }),
  pongServerMessageSchema,
]);
export type ChatServerMessage = z.infer<typeof chatServerMessageSchema>;
export type ChatServerMessageType = ChatServerMessage['type'];
