import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { clickupApiBase, clickupId, clickupRequest, clickupToken, priorityInput, simplifyTask, type ClickUpTask } from './clickup-api.js';

export const clickupUpdateTaskTool = defineTool({
  name: 'clickup_update_task',
  displayName: 'Update ClickUp Task',
  description:
    'Changes a ClickUp task: name, description, status, priority (1 urgent … 4 low), due date (Unix milliseconds) ' +
    'or archived. Fields not given stay as they are. Returns the task after the change.',
  icon: 'Edit',
  category: 'integrations',
  integration: 'clickup',
  keywords: ['clickup', 'task', 'update', 'edit', 'modify', 'status', 'complete'],
  inputSchema: z.object({
    task_id: clickupId('task'),
    name: z.string().min(1).max(1_000).optional().describe('The new name'),
    description: z.string().max(50_000).optional().describe('The new description'),
    status: z.string().max(100).optional().describe('The new status, e.g. "complete"'),
    priority: priorityInput.optional(),
    due_date: z.number().int().positive().optional().describe('New due date as Unix time in milliseconds'),
    archived: z.boolean().optional().describe('Archive (true) or unarchive (false)'),
  }),
  async execute(input, context) {
    const { task_id: taskId, ...changes } = input;
    const body = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(body).length === 0) throw new ValidationError('Give at least one of name, description, status, priority, due_date or archived to change.');
    const token = await clickupToken(context);
    const task = await clickupRequest<ClickUpTask>(context, token, { method: 'PUT', url: `${clickupApiBase}/task/${taskId}`, json: body });
    return { result: { updated: true, task: simplifyTask(task) } };
  },
});
