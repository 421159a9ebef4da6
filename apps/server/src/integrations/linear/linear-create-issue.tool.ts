import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { issueFields, linearApiKey, linearGraphql, linearIdInput, priorityInput, simplifyIssue, type LinearIssue } from './linear-api.js';

const createMutation = `mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { ${issueFields} } }
}`;

export const linearCreateIssueTool = defineTool({
  name: 'linear_create_issue',
  displayName: 'Create Linear Issue',
  description:
    'Creates a Linear issue in a team (team_id: the team\'s UUID, shown by linear_issues) with a Markdown ' +
    'description, priority, and optionally a workflow state and assignee. Returns the issue\'s identifier (ENG-123), id and URL.',
  icon: 'Plus',
  category: 'integrations',
  integration: 'linear',
  keywords: ['linear', 'issue', 'create', 'task', 'add', 'bug', 'ticket'],
  inputSchema: z.object({
    team_id: linearIdInput('team'),
    title: z.string().min(1).max(1_000).describe('Issue title'),
    description: z.string().max(100_000).optional().describe('Issue description (Markdown)'),
    priority: priorityInput.optional(),
    state_id: linearIdInput('workflow state').optional(),
    assignee_id: linearIdInput('user').optional(),
  }),
  async execute(input, context) {
    const apiKey = await linearApiKey(context);
    const data = await linearGraphql<{ issueCreate: { success: boolean; issue: LinearIssue | null } }>(context, apiKey, createMutation, {
      input: {
        teamId: input.team_id,
        title: input.title,
        ...(input.description ? { description: input.description } : {}),
        ...(input.priority === undefined ? {} : { priority: input.priority }),
        ...(input.state_id ? { stateId: input.state_id } : {}),
        ...(input.assignee_id ? { assigneeId: input.assignee_id } : {}),
      },
    });
    if (!data.issueCreate.success || !data.issueCreate.issue) throw new AppError('upstream_error', 'Linear did not create the issue.', { service: 'Linear' });
    return { result: { created: true, issue: simplifyIssue(data.issueCreate.issue) } };
  },
});
