import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { excerpt, gitlabAuth, gitlabRequest, hasNextPage, pageInput, projectIdInput } from './gitlab-api.js';

interface GitlabIssue {
  iid: number;
  title: string;
  state: string;
  web_url: string;
  description?: string | null;
  labels?: string[];
  author?: { username: string } | null;
  assignees?: Array<{ username: string }>;
  due_date?: string | null;
  created_at?: string;
  updated_at?: string;
}

export const gitlabIssuesTool = defineTool({
  name: 'gitlab_issues',
  displayName: 'List GitLab Issues',
  description:
    'Lists issues of a GitLab project by state, labels or search text. Returns each issue\'s iid (the number shown ' +
    'in GitLab), title, state, URL, labels, author, assignees, due date and description (cut at 500 characters), and has_more.',
  icon: 'CircleDot',
  category: 'integrations',
  integration: 'gitlab',
  keywords: ['gitlab', 'issues', 'bugs', 'tasks', 'tickets'],
  inputSchema: z.object({
    project_id: projectIdInput,
    state: z.enum(['opened', 'closed', 'all']).default('opened').describe('Issue state (default opened)'),
    labels: z.string().max(500).optional().describe('Comma-separated label names, all required'),
    search: z.string().max(200).optional().describe('Text in the title or description'),
    ...pageInput,
  }),
  async execute(input, context) {
    const auth = await gitlabAuth(context);
    const response = await gitlabRequest<GitlabIssue[]>(context, auth, {
      path: `/projects/${encodeURIComponent(input.project_id)}/issues`,
      query: { state: input.state, labels: input.labels, search: input.search, per_page: input.per_page, page: input.page },
    });
    return {
      result: {
        project: input.project_id,
        page: input.page,
        count: response.data.length,
        issues: response.data.map((issue) => ({
          iid: issue.iid,
          title: issue.title,
          state: issue.state,
          url: issue.web_url,
          labels: issue.labels ?? [],
          author: issue.author?.username ?? null,
          assignees: (issue.assignees ?? []).map((person) => person.username),
          due_date: issue.due_date ?? null,
          created_at: issue.created_at ?? null,
          updated_at: issue.updated_at ?? null,
          description: excerpt(issue.description),
        })),
        has_more: hasNextPage(response.headers),
      },
    };
  },
});
