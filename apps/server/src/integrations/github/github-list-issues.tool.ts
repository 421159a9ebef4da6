import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { githubRequest, githubToken, hasNextPage, repositoryInput, simplifyIssue, type GitHubIssue } from './github-api.js';

export const githubListIssuesTool = defineTool({
  name: 'github_list_issues',
  displayName: 'List GitHub Issues',
  description:
    'Lists issues of a GitHub repository (pull requests included, marked is_pull_request), filtered by state, ' +
    'labels and assignee and sorted as asked. Returns each issue\'s number, title, state, URL, author, labels, ' +
    'assignees, comment count, dates and body (cut at 500 characters), and has_more when another page follows.',
  icon: 'CircleDot',
  category: 'integrations',
  integration: 'github',
  keywords: ['github', 'issues', 'list', 'search', 'bugs', 'tasks', 'tickets', 'pull requests'],
  inputSchema: z.object({
    ...repositoryInput,
    state: z.enum(['open', 'closed', 'all']).default('open').describe('Issue state (default open)'),
    labels: z.string().max(500).optional().describe('Comma-separated label names, all required'),
    assignee: z.string().max(39).optional().describe('A login, "*" for any assignee, "none" for unassigned'),
    sort: z.enum(['created', 'updated', 'comments']).default('created').describe('Sort by (default created)'),
    direction: z.enum(['asc', 'desc']).default('desc').describe('Sort direction (default desc)'),
    per_page: z.number().int().min(1).default(10).transform((size) => Math.min(size, 100)).describe('Issues per page (default 10, at most 100)'),
    page: z.number().int().min(1).max(1_000).default(1).describe('Page number, from 1'),
  }),
  async execute(input, context) {
    const token = await githubToken(context);
    const response = await githubRequest<GitHubIssue[]>(context, token, {
      path: `/repos/${input.owner}/${input.repo}/issues`,
      query: {
        state: input.state,
        labels: input.labels,
        assignee: input.assignee,
        sort: input.sort,
        direction: input.direction,
        per_page: input.per_page,
        page: input.page,
      },
    });
    return {
      result: {
        repository: `${input.owner}/${input.repo}`,
        page: input.page,
        count: response.data.length,
        issues: response.data.map(simplifyIssue),
        has_more: hasNextPage(response.headers.link),
      },
    };
  },
});
