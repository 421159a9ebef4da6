import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { jiraAuth, jiraRequest, projectKeyInput, textToAdf } from './jira-api.js';

export const jiraCreateIssueTool = defineTool({
  name: 'jira_create_issue',
  displayName: 'Create Jira Issue',
  description:
    'Creates a Jira issue in a project with a summary, an optional plain-text description, issue type (Task, Bug, ' +
    'Story…), priority and labels. Returns the new issue\'s key (PROJ-123), id and URL.',
  icon: 'Plus',
  category: 'integrations',
  integration: 'jira',
  keywords: ['jira', 'issue', 'create', 'task', 'bug', 'story', 'ticket', 'add', 'atlassian'],
  inputSchema: z.object({
    project_key: projectKeyInput,
    summary: z.string().min(1).max(255).describe('The issue summary (title)'),
    description: z.string().max(32_000).optional().describe('The description, plain text; blank lines separate paragraphs'),
    issue_type: z.string().min(1).max(60).default('Task').describe('Issue type name, e.g. Task, Bug, Story (default Task)'),
    priority: z.string().max(60).optional().describe('Priority name, e.g. High, Medium, Low'),
    labels: z.array(z.string().regex(/^\S{1,255}$/, 'Labels have no spaces')).max(20).optional().describe('Labels (no spaces)'),
  }),
  async execute(input, context) {
    const auth = await jiraAuth(context);
    const { data } = await jiraRequest<{ id: string; key: string; self?: string }>(context, auth, {
      method: 'POST',
      path: '/issue',
      json: {
        fields: {
          project: { key: input.project_key.toUpperCase() },
          summary: input.summary,
          issuetype: { name: input.issue_type },
          ...(input.description ? { description: textToAdf(input.description) } : {}),
          ...(input.priority ? { priority: { name: input.priority } } : {}),
          ...(input.labels?.length ? { labels: input.labels } : {}),
        },
      },
    });
    return { result: { created: true, issue_key: data.key, issue_id: data.id, url: `${auth.siteUrl}/browse/${data.key}` } };
  },
});
