import { z } from 'zod';
import { ForbiddenError } from '../platform/errors/app-error.js';
import type { AnyToolDefinition, DynamicToolSource, ToolContext, ToolDescriptor, ToolOutput } from './define-tool.js';

/** One tool as the registry serves it: built-in (zod input) or dynamic (JSON Schema input), same shape. */
export interface RegisteredTool extends ToolDescriptor {
  /** `builtin`, `mcp:<server>`, `bridge:<server>`. */
  source: string;
  /** What the model sees. */
  inputJsonSchema: Record<string, unknown>;
  interactive: boolean;
  /** Validates `args` and runs the tool. @throws ToolArgumentsError */
  run(args: unknown, context: ToolContext): Promise<ToolOutput>;
}

/** The model called a tool with arguments its schema refuses; the message goes back to the model to retry. */
export class ToolArgumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolArgumentsError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(arguments)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The context a tool runs with: its credential getter answers only for the tool's own integration (a Slack
 * tool cannot ask for the GitHub token); tools of no integration get none.
 */
function withOwnCredentialsOnly(context: ToolContext, tool: AnyToolDefinition): ToolContext {
  const { getCredential, ...rest } = context;
  if (!getCredential || !tool.integration) return rest;
  const own = tool.integration;
  return {
    ...rest,
    getCredential: (integrationId) =>
      integrationId === own
        ? getCredential(integrationId)
        : Promise.reject(new ForbiddenError(`${tool.name} may only use ${own} credentials, not ${integrationId}`)),
  };
}

function fromDefinition(tool: AnyToolDefinition): RegisteredTool {
  const inputJsonSchema = z.toJSONSchema(tool.inputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete inputJsonSchema.$schema;
  return {
    name: tool.name,
    displayName: tool.displayName,
    description: tool.description,
    icon: tool.icon,
    category: tool.category,
    keywords: tool.keywords,
    ...(tool.integration ? { integration: tool.integration } : {}),
    source: 'builtin',
    inputJsonSchema,
    interactive: tool.interactive === true,
    timeoutMs: tool.timeoutMs,
    async run(args, context) {
      const parsed = tool.inputSchema.safeParse(args ?? {});
      if (!parsed.success) throw new ToolArgumentsError(`Invalid arguments for ${tool.name}: ${describeIssues(parsed.error)}`);
      return tool.execute(parsed.data, withOwnCredentialsOnly(context, tool));
    },
  };
}

export interface ToolRegistryDeps {
  catalog: readonly AnyToolDefinition[];
  /** MCP servers, bridges; each failure is logged and skipped so one broken source hides only its tools. */
  dynamicSources?: readonly DynamicToolSource[];
  onSourceError?: (error: unknown) => void;
  /** Which tools this user can use now (the credentials issue filters integration tools by it). Default: all. */
  usableFilter?: (userId: string) => Promise<(tool: RegisteredTool) => boolean>;
}

export interface ListToolsOptions {
  /** Include tools that need a person to answer (the chat has one; scheduled agents don't). */
  interactive: boolean;
}

/**
 * Built-in tools (schemas computed once) plus the dynamic tools of the user's sources, asked per call.
 * Built-in names win over dynamic ones; the first dynamic tool of a name wins over later ones.
 */
export function createToolRegistry(deps: ToolRegistryDeps) {
  const builtins = deps.catalog.map(fromDefinition);
  const builtinNames = new Set(builtins.map((tool) => tool.name));

  async function dynamicTools(userId: string): Promise<RegisteredTool[]> {
    const lists = await Promise.all(
      (deps.dynamicSources ?? []).map(async (source) => {
        try {
          return await source.listTools(userId);
        } catch (error) {
          deps.onSourceError?.(error);
          return [];
        }
      }),
    );
    const seen = new Set(builtinNames);
    const tools: RegisteredTool[] = [];
    for (const tool of lists.flat()) {
      if (seen.has(tool.name)) continue;
      seen.add(tool.name);
      tools.push({
        name: tool.name, displayName: tool.displayName, description: tool.description, icon: tool.icon,
        category: tool.category, keywords: tool.keywords, source: tool.source, inputJsonSchema: tool.inputJsonSchema,
        interactive: false, timeoutMs: tool.timeoutMs,
        run: (args, context) => {
          if (args === null || typeof args !== 'object' || Array.isArray(args)) {
            return Promise.reject(new ToolArgumentsError(`Invalid arguments for ${tool.name}: expected an object`));
          }
          return tool.execute(args as Record<string, unknown>, context);
        },
      });
    }
    return tools;
  }

  return {
    /** Every built-in tool (for docs and the catalogue test). */
    builtins(): readonly RegisteredTool[] {
      return builtins;
    },
    /** Those of `tools` this user can use now (e.g. has a credential for). */
    async listUsable(userId: string, tools: RegisteredTool[]): Promise<RegisteredTool[]> {
      if (!deps.usableFilter) return tools;
      return tools.filter(await deps.usableFilter(userId));
    },
    /** The tools this user may use now. */
    async listForUser(userId: string, options: ListToolsOptions): Promise<RegisteredTool[]> {
      const all = [...builtins, ...(await dynamicTools(userId))];
      return options.interactive ? all : all.filter((tool) => !tool.interactive);
    },
  };
}
export type ToolRegistry = ReturnType<typeof createToolRegistry>;
