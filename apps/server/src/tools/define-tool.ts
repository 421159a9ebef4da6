import type { z } from 'zod';
import type { Logger } from '../platform/logging/logger.js';
import type { ComposioActions, DocumentRenderer, MediaModels, OutboundHttp, PromptUser, Sandbox, ToolFiles } from './tool-ports.js';

/** Categories shown in the tool picker (`GET /api/tools` groups by these). */
export const toolCategories = [
  'time', 'search', 'web', 'math', 'code', 'data', 'documents', 'files', 'media', 'interaction', 'integrations', 'mcp',
] as const;
export type ToolCategory = (typeof toolCategories)[number];

/**
 * What a tool's `execute` receives: the narrow set of ports it may use (CONVENTIONS §2.10), never the app.
 * `promptUser` exists only where a person is watching (the chat), not in scheduled agents.
 */
export interface ToolContext {
  userId: string;
  signal: AbortSignal;
  logger: Logger;
  now: () => Date;
  http: OutboundHttp;
  sandbox: Sandbox;
  files: ToolFiles;
  documents: DocumentRenderer;
  media: MediaModels;
  /** SearXNG base URLs (round-robin with failover). */
  searxngUrls: readonly string[];
  promptUser?: PromptUser;
  /**
   * The bytes of an image of this conversation by its handle (`img-1`…, given by the chat to images the user
   * attached or a tool made); absent outside the chat. @throws NotFoundError for an unknown handle
   */
  resolveImage?: (imageId: string) => Promise<{ data: Buffer; mimeType: string }>;
  /**
   * Where a service's documented URL really points: itself, or a self-hosted instance / a test's double
   * (`INTEGRATION_BASE_URLS`). Integration tools pass every URL through it (`integrations/call-service.ts` does).
   */
  serviceUrl: (url: string) => string;
  /**
   * The values of this user's credential for `integrationId` (the one the call chose, else the most recently
   * used), decrypted for this call only; marks it used. Absent outside a user's run.
   * @throws AppError `validation_failed` when the user has no credential for it.
   */
  getCredential?: (integrationId: string) => Promise<Readonly<Record<string, string>>>;
  /** Composio's actions API with the instance's key (absent when `COMPOSIO_API_KEY` is not set). */
  composio?: ComposioActions;
}

/** An image a tool made; shown in the chat, stripped from what the model sees. */
export interface ToolPlot {
  format: 'png' | 'svg' | 'jpeg' | 'webp';
  /** base64 */
  data: string;
}

/**
 * What `execute` returns: `result` goes to the model (as JSON text) and to the browser's tool card; `plots`
 * only to the browser.
 */
export interface ToolOutput {
  result: unknown;
  plots?: ToolPlot[];
}

/** What every tool shows the model, the picker and the chat, wherever it comes from. */
export interface ToolDescriptor {
  /** snake_case, the name the model calls (`search_web`); unique in a user's registry. */
  name: string;
  displayName: string;
  /** What the model reads to decide when to call it: what it does, when to use it, what it returns. */
  description: string;
  /** A Lucide icon name (`Globe`, `Calculator`). */
  icon: string;
  category: ToolCategory;
  /** Words the predictor and the picker's search match on. */
  keywords: readonly string[];
  /** Milliseconds before the call is aborted; defaults to the configured tool timeout. */
  timeoutMs?: number | undefined;
  /** The integration whose credential the tool needs (`slack`); offered only to users who have one. */
  integration?: string | undefined;
}

export interface ToolDefinition<Input extends z.ZodType = z.ZodType> extends ToolDescriptor {
  inputSchema: Input;
  /** Needs a person to answer (ask_user): offered only where `promptUser` exists. */
  interactive?: boolean;
  execute(input: z.output<Input>, context: ToolContext): Promise<ToolOutput>;
}

/** Declares a tool; the identity function gives `execute` its typed input. */
export function defineTool<Input extends z.ZodType>(definition: ToolDefinition<Input>): ToolDefinition<Input> {
  return definition;
}

/** Any tool, whatever its input type (for lists and the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds tools of every input type
export type AnyToolDefinition = ToolDefinition<any>;

/**
 * A tool that joins the registry at run time (an MCP server's tool, later an integration's): its input is
 * already JSON Schema, and it is validated by its owner, not by zod.
 */
export interface DynamicTool extends ToolDescriptor {
  /** MCP tools are prefixed with their server's slug (`files__read_file`). */
  inputJsonSchema: Record<string, unknown>;
  /** `mcp:<server name>` or `bridge:<server name>`. */
  source: string;
  execute(args: Record<string, unknown>, context: ToolContext): Promise<ToolOutput>;
}

/** Where dynamic tools come from (admin MCP servers, a user's bridge). Asked on every reply; keep it cheap. */
export interface DynamicToolSource {
  listTools(userId: string): Promise<DynamicTool[]> | DynamicTool[];
}
