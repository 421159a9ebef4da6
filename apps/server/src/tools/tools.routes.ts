import { availableToolsResponseSchema, toolsResponseSchema, type ToolSummary } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import { recommendToolsRoutes } from './recommend/recommend.routes.js';
import type { RegisteredTool, ToolRegistry } from './tool-registry.js';

function summarise(tool: RegisteredTool): ToolSummary {
  return {
    name: tool.name, displayName: tool.displayName, description: tool.description, icon: tool.icon, category: tool.category,
    keywords: [...tool.keywords], source: tool.source, parameters: tool.inputJsonSchema, interactive: tool.interactive,
    ...(tool.integration ? { integration: tool.integration } : {}),
  };
}

/** Groups tools by category, categories and tools in a stable order (category name, then display name). */
export function groupByCategory(tools: RegisteredTool[]) {
  const groups = new Map<string, ToolSummary[]>();
  for (const tool of tools) groups.set(tool.category, [...(groups.get(tool.category) ?? []), summarise(tool)]);
  const categories = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => ({ category, count: list.length, tools: list.sort((a, b) => a.displayName.localeCompare(b.displayName)) }));
  return { categories, total: tools.length };
}

/** The tool picker: every tool of the user (built-in and their MCP/bridge tools), and those usable now. */
export function toolsRoutes(deps: { registry: ToolRegistry }): RouteSpec[] {
  const tags = ['tools'];
  return [
    defineRoute({
      method: 'GET', url: '/api/tools', summary: 'All my tools, grouped by category', tags, auth: 'user',
      responses: { 200: toolsResponseSchema },
      handler: async ({ user }) => groupByCategory(await deps.registry.listForUser(user.id, { interactive: true })),
    }),
    defineRoute({
      method: 'GET', url: '/api/tools/available', summary: 'The tools I can use now (credentials present)', tags, auth: 'user',
      responses: { 200: availableToolsResponseSchema },
      handler: async ({ user }) => {
        const all = await deps.registry.listForUser(user.id, { interactive: true });
        const usable = await deps.registry.listUsable(user.id, all);
        return { ...groupByCategory(usable), filteredCount: all.length - usable.length };
      },
    }),
    ...recommendToolsRoutes(deps),
  ];
}
