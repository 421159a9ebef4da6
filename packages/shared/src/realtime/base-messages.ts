import { z } from 'zod';
import { errorCodes } from '../errors/error-codes.js';

/**
 * Messages every realtime socket speaks, whatever its route. Messages are flat JSON objects discriminated by
 * `type` (the chat contract of the reference uses flat messages; see docs/decisions/0004-flat-realtime-messages.md).
 */

/** The first message a client sends: its access token (never in the URL). */
export const authClientMessageSchema = z.strictObject({
  type: z.literal('auth'),
  token: z.string().min(1).max(4096),
});
export const pingClientMessageSchema = z.strictObject({
  type: z.literal('ping'),
  timestamp: z.number().optional(),
});

export const readyServerMessageSchema = z.object({ type: z.literal('ready'), userId: z.string() });
export const pongServerMessageSchema = z.object({ type: z.literal('pong'), timestamp: z.number().optional() });
/** An error about one client message; the socket stays open unless a close follows. */
export const errorServerMessageSchema = z.object({
  type: z.literal('error'),
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export const baseClientMessageSchema = z.discriminatedUnion('type', [
  authClientMessageSchema,
  pingClientMessageSchema,
]);
export const baseServerMessageSchema = z.discriminatedUnion('type', [
  readyServerMessageSchema,
  pongServerMessageSchema,
  errorServerMessageSchema,
]);
export type BaseClientMessage = z.infer<typeof baseClientMessageSchema>;
export type BaseServerMessage = z.infer<typeof baseServerMessageSchema>;

/** WebSocket close codes used by the hub (4000–4999 are application codes). */
export const realtimeCloseCodes = {
  /** No valid `auth` message within the deadline, or a bad token. */
  unauthenticated: 4401,
  /** The user was disabled or deleted while connected. */
  forbidden: 4403,
  /** A message larger than the limit. */
  messageTooLarge: 1009,
  /** The client did not drain its send queue. */
  backPressure: 4408,
  /** The server is shutting down. */
  goingAway: 1001,
} as const;
