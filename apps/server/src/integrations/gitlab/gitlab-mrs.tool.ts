import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { gitlabAuth, gitlabRequest, hasNextPage, pageInput, projectIdInput } from './gitlab-api.js';

interface GitlabMergeRequest {
  iid: number;
  title: string;
  state: string;
  web_url: string;
  source_branch: string;
  target_branch: string;
  draft?: boolean;
  author?: { username: string } | null;
  detailed_merge_status?: string;
  created_at?: string;
  updated_at?: string;
  merged_at?: string | null;
}

export const gitlabMrsTool = defineTool({
  name: 'gitlab_mrs',
  displayName: 'List GitLab Merge Requests',
  description:
    'Lists merge requests of a GitLab project by state. Returns each one\'s iid, title, state, URL, source and ' +
    'target branches, author, draft flag and merge status, and has_more when another page follows.',
  icon: 'GitPullRequest',
  category: 'integrations',
  integration: 'gitlab',
  keywords: ['gitlab', 'merge requests', 'mr', 'pull requests', 'review', 'branches'],
  inputSchema: z.object({
    project_id: projectIdInput,
    state: z.enum(['opened', 'closed', 'merged', 'locked', 'all']).default('opened').describe('Merge request state (default opened)'),
    ...pageInput,
  }),
  async execute(input, context) {
    const auth = await gitlabAuth(context);
    const response = await gitlabRequest<GitlabMergeRequest[]>(context, auth, {
      path: `/projects/${encodeURIComponent(input.project_id)}/merge_requests`,
      query: { state: input.state, per_page: input.per_page, page: input.page },
    });
    return {
      result: {
        project: input.project_id,
        page: input.page,
        count: response.data.length,
        merge_requests: response.data.map((mr) => ({
          iid: mr.iid,
          title: mr.title,
          state: mr.state,
          url: mr.web_url,
          source_branch: mr.source_branch,
          target_branch: mr.target_branch,
          author: mr.author?.username ?? null,
          draft: mr.draft === true,
          merge_status: mr.detailed_merge_status ?? null,
          created_at: mr.created_at ?? null,
          updated_at: mr.updated_at ?? null,
          ...(mr.merged_at ? { merged_at: mr.merged_at } : {}),
        })),
        has_more: hasNextPage(response.headers),
      },
    };
  },
});
