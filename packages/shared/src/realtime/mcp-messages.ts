import { z } from 'zod';
import { errorServerMessageSchema, pongServerMessageSchema, readyServerMessageSchema } from './base-messages.js';

/**
 * `WS /mcp/connect`: the protocol between the `claraverse-bridge` CLI and the server (reference §2.3, as flat
 * messages). After the hub's `auth` → `ready` (the token is a personal API key with scope `mcp-bridge`, or an
 * access token), the bridge sends `bridge.register` with the tools of its local MCP servers; the server answers
 * `bridge.ack`, then sends `bridge.tool-call`s that the bridge answers with `bridge.tool-result` (same `callId`).
 * One bridge per user: a newer registration replaces the older session, which gets `bridge.replaced` and is
 * closed with {@link bridgeCloseCodes}.replaced (it must not reconnect by itself).
 */

/** One tool of one of the bridge's local MCP servers. */
export const bridgeToolSchema = z.strictObject({
  /** The local server's name in the bridge config; its slug prefixes the tool (`<slug>__<tool>`). */
  server: z.string().trim().min(1).max(64),
  name: z.string().min(1).max(128),
  description: z.string().max(10_000).default(''),
  /** The tool's JSON Schema, as the MCP server gave it. */
  inputSchema: z.record(z.string(), z.unknown()),
});
export type BridgeTool = z.infer<typeof bridgeToolSchema>;

/**
 * One MCP content block (`text`, `image`, `audio`, `resource`, `resource_link`), passed through as the MCP
 * server returned it; the server turns it into the tool's output.
 */
export const mcpContentBlockSchema = z.looseObject({ type: z.string().max(64) });
export type McpContentBlock = z.infer<typeof mcpContentBlockSchema>;

const callIdSchema = z.string().min(1).max(64);

export const bridgeRegisterMessageSchema = z.strictObject({
  type: z.literal('bridge.register'),
  /** Stable id of this bridge installation. */
  clientId: z.string().min(1).max(128),
  clientVersion: z.string().min(1).max(64),
  /** `linux`, `darwin`, `win32`… */
  platform: z.string().min(1).max(64),
  tools: z.array(bridgeToolSchema).max(1000),
});
export const bridgeToolResultMessageSchema = z.strictObject({
  type: z.literal('bridge.tool-result'),
  callId: callIdSchema,
  /** True when the tool (or the bridge, e.g. its server is down) failed; `content` says why. */
  isError: z.boolean(),
  content: z.array(mcpContentBlockSchema).max(500),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
});
/** Sent every {@link bridgeHeartbeatIntervalMs}; shown as "last heartbeat" in Settings → My bridge. */
export const bridgeHeartbeatMessageSchema = z.strictObject({ type: z.literal('bridge.heartbeat') });
/** The bridge is stopping: its tools are removed at once. */
export const bridgeDisconnectMessageSchema = z.strictObject({ type: z.literal('bridge.disconnect') });

/** Client → server on `/mcp/connect` (after `auth`; `ping` is answered by the hub). */
export const bridgeClientMessageSchema = z.discriminatedUnion('type', [
  bridgeRegisterMessageSchema,
  bridgeToolResultMessageSchema,
  bridgeHeartbeatMessageSchema,
  bridgeDisconnectMessageSchema,
]);
export type BridgeClientMessage = z.infer<typeof bridgeClientMessageSchema>;

export const bridgeAckMessageSchema = z.object({
  type: z.literal('bridge.ack'),
  toolsRegistered: z.number().int(),
  /** True when this registration replaced another bridge session of the same user. */
  replacedPrevious: z.boolean(),
});
export const bridgeToolCallMessageSchema = z.object({
  type: z.literal('bridge.tool-call'),
  callId: callIdSchema,
  server: z.string(),
  /** The local server's own tool name. */
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  /** How long the server waits for the result, ms. */
  timeoutMs: z.number().int(),
});
/** The server stopped waiting for a call (the user stopped the reply or it timed out). */
export const bridgeToolCancelMessageSchema = z.object({ type: z.literal('bridge.tool-cancel'), callId: callIdSchema });
export const bridgeReplacedMessageSchema = z.object({ type: z.literal('bridge.replaced'), message: z.string() });

/** Server → client on `/mcp/connect`, the hub's own messages included. */
export const bridgeServerMessageSchema = z.discriminatedUnion('type', [
  bridgeAckMessageSchema,
  bridgeToolCallMessageSchema,
  bridgeToolCancelMessageSchema,
  bridgeReplacedMessageSchema,
  readyServerMessageSchema,
  pongServerMessageSchema,
  errorServerMessageSchema,
]);
export type BridgeServerMessage = z.infer<typeof bridgeServerMessageSchema>;
/** Only the bridge route's own server messages (what the server's route sends). */
export type BridgeRouteServerMessage = Extract<BridgeServerMessage, { type: `bridge.${string}` }>;

export const bridgeCloseCodes = {
  /** Another bridge of the same user registered; this one must not reconnect by itself. */
  replaced: 4409,
  /** The bridge said `bridge.disconnect`. */
  normal: 1000,
} as const;

/** How often the bridge sends `bridge.heartbeat`, ms. */
export const bridgeHeartbeatIntervalMs = 30_000;

/**
 * Largest serialised `bridge.tool-result` the bridge sends, bytes; larger results are replaced by an error.
 * Below the server's default 1 MiB message limit.
 */
export const bridgeMaxResultBytes = 900_000;

/**
 * Exponential backoff: `baseMs · 2^attempt`, capped at `maxMs` (attempt 0 is the first retry). Used for MCP
 * server reconnects on the server and by the bridge.
 */
export function backoffDelayMs(attempt: number, options: { baseMs: number; maxMs: number }): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
}
