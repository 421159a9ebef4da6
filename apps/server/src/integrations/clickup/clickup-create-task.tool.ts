import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { clickupApiBase, clickupId, clickupRequest, clickupToken, priorityInput, simplifyTask, type ClickUpTask } from './clickup-api.js';

export const clickupCreateTaskTool = defineTool({
  name: 'clickup_create_task',
  displayName: 'Create ClickUp Task',
  description:
    'Creates a task in a ClickUp list with an optional Markdown description, status, priority (1 urgent … 4 low), ' +
    'due date (Unix milliseconds), assignees (user ids) and tags. Returns the new task\'s id, URL and fields.',
  icon: 'Plus',
  category: 'integrations',
  integration: 'clickup',
  keywords: ['clickup', 'task', 'create', 'new', 'add', 'project', 'todo'],
  inputSchema: z.object({
    list_id: clickupId('list'),
    name: z.string().min(1).max(1_000).describe('The task name'),
    description: z.string().max(50_000).optional().describe('The task description (Markdown)'),
    status: z.string().max(100).optional().describe('A status of the list, e.g. "to do"'),
    priority: priorityInput.optional(),
    due_date: z.number().int().positive().optional().describe('Due date as Unix time in milliseconds'),
    assignees: z.array(z.number().int()).max(20).optional().describe('ClickUp user ids to assign'),
    tags: z.array(z.string().max(100)).max(20).optional().describe('Tag names'),
  }),
  async execute(input, context) {
    const token = await clickupToken(context);
    const task = await clickupRequest<ClickUpTask>(context, token, {
      method: 'POST',
      url: `${clickupApiBase}/list/${input.list_id}/task`,
      json: {
        name: input.name,
        ...(input.description ? { markdown_content: input.description } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.priority ? { priority: input.priority } : {}),
        ...(input.due_date ? { due_date: input.due_date } : {}),
        ...(input.assignees ? { assignees: input.assignees } : {}),
        ...(input.tags ? { tags: input.tags } : {}),
      },
    });
    return { result: { created: true, task: simplifyTask(task) } };
  },
});
