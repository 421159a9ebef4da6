import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { issueFields, linearApiKey, linearGraphql, simplifyIssue, type LinearIssue } from './linear-api.js';

const issuesQuery = `query Issues($first: Int!, $after: String, $filter: IssueFilter) {
  issues(first: $first, after: $after, filter: $filter, orderBy: updatedAt) {
    nodes { ${issueFields} }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const linearIssuesTool = defineTool({
  name: 'linear_issues',
  displayName: 'List Linear Issues',
  description:
    'Lists Linear issues, most recently updated first, optionally of one team (its key, e.g. ENG) and in one ' +
    'workflow state (e.g. "In Progress"). Returns each issue\'s id, identifier (ENG-123), title, URL, state, ' +
    'priority, team (id and key, for linear_create_issue), assignee and dates, and end_cursor when more follow.',
  icon: 'ListTodo',
  category: 'integrations',
  integration: 'linear',
  keywords: ['linear', 'issues', 'tasks', 'bugs', 'project', 'tickets', 'backlog'],
  inputSchema: z.object({
    team_key: z.string().regex(/^[A-Za-z0-9_]{1,10}$/, 'A team key is a short code like ENG').optional().describe('Only issues of this team (its key, e.g. ENG)'),
    state: z.string().max(100).optional().describe('Only issues in this state, e.g. "In Progress" or "Done"'),
    limit: z.number().int().min(1).default(50).transform((count) => Math.min(count, 100)).describe('Issues to return (default 50, at most 100)'),
    after: z.string().max(200).optional().describe('end_cursor of a previous answer, to read the next issues'),
  }),
  async execute(input, context) {
    const apiKey = await linearApiKey(context);
    const filter = {
      ...(input.team_key ? { team: { key: { eq: input.team_key.toUpperCase() } } } : {}),
      ...(input.state ? { state: { name: { eqIgnoreCase: input.state } } } : {}),
    };
    const data = await linearGraphql<{ issues: { nodes: LinearIssue[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(context, apiKey, issuesQuery, {
      first: input.limit,
      ...(input.after ? { after: input.after } : {}),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    });
    return {
      result: {
        count: data.issues.nodes.length,
        issues: data.issues.nodes.map(simplifyIssue),
        has_more: data.issues.pageInfo.hasNextPage,
        end_cursor: data.issues.pageInfo.hasNextPage ? data.issues.pageInfo.endCursor : null,
      },
    };
  },
});
