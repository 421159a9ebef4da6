import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { githubRequest, githubToken, repositoryInput, type GitHubIssue } from './github-api.js';

export const githubCreateIssueTool = defineTool({
  name: 'github_create_issue',
  displayName: 'Create GitHub Issue',
  description:
    'Opens an issue in a GitHub repository with a Markdown body, labels and assignees (labels and assignees ' +
    'need push access, or GitHub drops them). Use it to report a bug, request a feature or record a task. ' +
    'Returns the issue\'s number, title and URL.',
  icon: 'CircleAlert',
  category: 'integrations',
  integration: 'github',
  keywords: ['github', 'issue', 'create', 'open', 'bug', 'feature', 'task', 'ticket', 'report'],
  inputSchema: z.object({
    ...repositoryInput,
    title: z.string().min(1).max(256).describe('Issue title'),
    body: z.string().max(65_536).optional().describe('Issue body (Markdown)'),
    labels: z.array(z.string().min(1).max(50)).max(20).optional().describe('Label names, e.g. ["bug"]'),
    assignees: z.array(z.string().min(1).max(39)).max(10).optional().describe('Logins to assign'),
  }),
  async execute(input, context) {
    const token = await githubToken(context);
    const { data: issue } = await githubRequest<GitHubIssue>(context, token, {
      method: 'POST',
      path: `/repos/${input.owner}/${input.repo}/issues`,
      json: {
        title: input.title,
        ...(input.body ? { body: input.body } : {}),
        ...(input.labels?.length ? { labels: input.labels } : {}),
        ...(input.assignees?.length ? { assignees: input.assignees } : {}),
      },
    });
    return {
      result: {
        created: true,
        repository: `${input.owner}/${input.repo}`,
        issue_number: issue.number,
        title: issue.title,
        state: issue.state,
        url: issue.html_url,
      },
    };
  },
});
