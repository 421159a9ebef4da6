import { recommendToolsBodySchema, recommendToolsResponseSchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { ToolRegistry } from '../tool-registry.js';
import { recommendTools } from './score-tools.js';

const defaultLimit = 5;

/**
 * `POST /api/tools/recommend`: the tool picker's badges. Scores the user's non-interactive tools (the ones a
 * workflow block can call) against the block's name, description and prompts by keyword overlap; no model call.
 */
export function recommendToolsRoutes(deps: { registry: ToolRegistry }): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/tools/recommend', summary: 'Tools that fit a workflow block, by keyword overlap', tags: ['tools'], auth: 'user',
      body: recommendToolsBodySchema,
      responses: { 200: recommendToolsResponseSchema },
      handler: async ({ user, body }) => {
        const tools = await deps.registry.listForUser(user.id, { interactive: false });
        const text = [body.name, body.description, body.systemPrompt, body.userPrompt].filter((part) => part !== undefined).join('\n');
        return { recommendations: recommendTools(tools, text, body.limit ?? defaultLimit) };
      },
    }),
  ];
}
