import { z } from 'zod';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { issueFields, linearApiKey, linearGraphql, linearIdInput, priorityInput, simplifyIssue, type LinearIssue } from './linear-api.js';

const updateMutation = `mutation IssueUpdate($id: String!, $input: IssueUpdateInput!) {
  issueUpdate(id: $id, input: $input) { success issue { ${issueFields} } }
}`;

export const linearUpdateIssueTool = defineTool({
  name: 'linear_update_issue',
  displayName: 'Update Linear Issue',
  description:
    'Changes a Linear issue (by id or identifier such as ENG-123): title, description, workflow state (state_id), ' +
    'priority or assignee. Fields not given stay as they are. Returns the issue after the change.',
  icon: 'Edit',
  category: 'integrations',
  integration: 'linear',
  keywords: ['linear', 'issue', 'update', 'edit', 'modify', 'status', 'close', 'assign'],
  inputSchema: z.object({
    issue_id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Give the issue id or its identifier (ENG-123)').describe('The issue id or identifier (ENG-123)'),
    title: z.string().min(1).max(1_000).optional().describe('New title'),
    description: z.string().max(100_000).optional().describe('New description (Markdown)'),
    state_id: linearIdInput('workflow state').optional(),
    priority: priorityInput.optional(),
    assignee_id: linearIdInput('user').optional(),
  }),
  async execute(input, context) {
    const changes = {
      ...(input.title ? { title: input.title } : {}),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.state_id ? { stateId: input.state_id } : {}),
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(input.assignee_id ? { assigneeId: input.assignee_id } : {}),
    };
    if (Object.keys(changes).length === 0) throw new ValidationError('Give at least one of title, description, state_id, priority or assignee_id to change.');
    const apiKey = await linearApiKey(context);
    const data = await linearGraphql<{ issueUpdate: { success: boolean; issue: LinearIssue | null } }>(context, apiKey, updateMutation, { id: input.issue_id, input: changes });
    if (!data.issueUpdate.success || !data.issueUpdate.issue) throw new AppError('upstream_error', 'Linear did not update the issue.', { service: 'Linear' });
    return { result: { updated: true, issue: simplifyIssue(data.issueUpdate.issue) } };
  },
});
