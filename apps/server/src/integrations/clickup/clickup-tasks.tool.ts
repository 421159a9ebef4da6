import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { clickupApiBase, clickupId, clickupRequest, clickupToken, simplifyTask, type ClickUpTask } from './clickup-api.js';

export const clickupTasksTool = defineTool({
  name: 'clickup_tasks',
  displayName: 'ClickUp Tasks',
  description:
    'Lists the tasks of a ClickUp list, 100 per page (page 0 first). Returns each task\'s id, name, status, ' +
    'priority, assignees, tags, due date and URL, and last_page: false when another page follows.',
  icon: 'SquareCheck',
  category: 'integrations',
  integration: 'clickup',
  keywords: ['clickup', 'tasks', 'list', 'project', 'management', 'todo'],
  inputSchema: z.object({
    list_id: clickupId('list'),
    archived: z.boolean().optional().describe('List archived tasks instead'),
    subtasks: z.boolean().optional().describe('Include subtasks'),
    include_closed: z.boolean().optional().describe('Include closed tasks'),
    statuses: z.array(z.string().max(100)).max(20).optional().describe('Only tasks with these status names'),
    page: z.number().int().min(0).max(1_000).default(0).describe('Page number, from 0 (100 tasks a page)'),
  }),
  async execute(input, context) {
    const token = await clickupToken(context);
    const answer = await clickupRequest<{ tasks: ClickUpTask[]; last_page?: boolean }>(context, token, {
      url: `${clickupApiBase}/list/${input.list_id}/task`,
      query: {
        archived: input.archived,
        subtasks: input.subtasks,
        include_closed: input.include_closed,
        'statuses[]': input.statuses,
        page: input.page,
      },
    });
    return {
      result: {
        list_id: input.list_id,
        page: input.page,
        count: answer.tasks.length,
        tasks: answer.tasks.map(simplifyTask),
        last_page: answer.last_page ?? true,
      },
    };
  },
});
