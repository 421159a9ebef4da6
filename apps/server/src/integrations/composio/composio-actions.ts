import type { ComposioActions } from '../../tools/tool-ports.js';
import type { ComposioClient } from './composio-api.js';

/**
 * The `ComposioActions` port (ToolContext.composio): runs a Composio tool for a user's entity with the instance's
 * key, through Composio's v3 API (`POST /api/v3/tools/execute/{tool_slug}` with `user_id` and `arguments`, see
 * ./composio-api.ts). The entity id is the Composio `user_id` the account was connected under; Composio picks that
 * user's connected account of the tool's toolkit.
 */
export function createComposioActions(client: ComposioClient): ComposioActions {
  return {
    execute: (action, request) =>
      client.executeTool(action, { userId: request.entityId, arguments: request.arguments, signal: request.signal }),
  };
}
