import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { jiraAuth, jiraRequest, projectKeyInput } from './jira-api.js';

interface JiraIssue {
  id: string;
  key: string;
  fields: {
    summary?: string;
    status?: { name?: string } | null;
    priority?: { name?: string } | null;
    issuetype?: { name?: string } | null;
    assignee?: { displayName?: string } | null;
    reporter?: { displayName?: string } | null;
    created?: string;
    updated?: string;
  };
}

const fields = ['summary', 'status', 'priority', 'issuetype', 'assignee', 'reporter', 'created', 'updated'];

/** The query run when none is given: Jira's search needs a bounded JQL, so "recent" is the last 30 days. */
function defaultJql(project: string | undefined): string {
  return project ? `project = "${project.toUpperCase()}" ORDER BY created DESC` : 'created >= -30d ORDER BY created DESC';
}

export const jiraIssuesTool = defineTool({
  name: 'jira_issues',
  displayName: 'List Jira Issues',
  description:
    'Searches Jira issues with JQL (e.g. project = PROJ AND status = "In Progress" ORDER BY updated DESC), or ' +
    'lists a project\'s newest issues, or (with neither) issues created in the last 30 days. Returns each issue\'s ' +
    'key, summary, status, priority, type, assignee, reporter, dates and URL, and next_page_token when more follow.',
  icon: 'ListTodo',
  category: 'integrations',
  integration: 'jira',
  keywords: ['jira', 'issues', 'jql', 'search', 'bugs', 'tasks', 'tickets', 'sprint', 'atlassian'],
  inputSchema: z.object({
    jql: z.string().max(5_000).optional().describe('A JQL query; takes precedence over project'),
    project: projectKeyInput.optional(),
    max_results: z.number().int().min(1).default(50).transform((count) => Math.min(count, 100)).describe('Issues to return (default 50, at most 100)'),
    next_page_token: z.string().max(2_000).optional().describe('next_page_token of a previous answer, to read the next issues'),
  }),
  async execute(input, context) {
    const auth = await jiraAuth(context);
    const jql = input.jql?.trim() || defaultJql(input.project);
    const { data } = await jiraRequest<{ issues?: JiraIssue[]; nextPageToken?: string | null; isLast?: boolean }>(context, auth, {
      method: 'POST',
      path: '/search/jql',
      json: { jql, maxResults: input.max_results, fields, ...(input.next_page_token ? { nextPageToken: input.next_page_token } : {}) },
    });
    const issues = data.issues ?? [];
    return {
      result: {
        jql,
        count: issues.length,
        issues: issues.map((issue) => ({
          key: issue.key,
          id: issue.id,
          summary: issue.fields.summary ?? '',
          status: issue.fields.status?.name ?? null,
          priority: issue.fields.priority?.name ?? null,
          type: issue.fields.issuetype?.name ?? null,
          assignee: issue.fields.assignee?.displayName ?? null,
          reporter: issue.fields.reporter?.displayName ?? null,
          created: issue.fields.created ?? null,
          updated: issue.fields.updated ?? null,
          url: `${auth.siteUrl}/browse/${issue.key}`,
        })),
        next_page_token: data.nextPageToken ?? null,
      },
    };
  },
});
