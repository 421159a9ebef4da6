import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { clickupApiBase, clickupOwner, clickupRequest } from './clickup-api.js';
import { clickupCreateTaskTool } from './clickup-create-task.tool.js';
import { clickupTasksTool } from './clickup-tasks.tool.js';
import { clickupUpdateTaskTool } from './clickup-update-task.tool.js';

/** ClickUp: tasks of lists through a personal API token (reference §4.3). */
export const clickupIntegration = defineIntegration({
  id: 'clickup',
  name: 'ClickUp',
  description: 'List, create and update tasks in ClickUp.',
  icon: 'SquareCheck',
  category: 'productivity',
  docsUrl: 'https://developer.clickup.com/docs/authentication',
  fields: [
    {
      key: 'api_key',
      label: 'Personal API token',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'pk_…',
      helpText: 'ClickUp → avatar → Settings → Apps → API Token.',
    },
  ],
  tools: [clickupTasksTool, clickupCreateTaskTool, clickupUpdateTaskTool],
  /** The token's user (GET /api/v2/user): the cheapest call that proves the token works. */
  async test(values, context) {
    const token = requireValues(values, clickupOwner, ['api_key']).api_key!.trim();
    const { user } = await clickupRequest<{ user: { id: number; username?: string | null; email?: string } }>(context, token, { url: `${clickupApiBase}/user` });
    return { message: `Connected to ClickUp as ${user.username ?? user.email ?? user.id}.`, details: { userId: user.id } };
  },
});
