import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { gitlabAuth, gitlabRequest, hasNextPage, pageInput } from './gitlab-api.js';

interface GitlabProject {
  id: number;
  name: string;
  path_with_namespace: string;
  web_url: string;
  description?: string | null;
  default_branch?: string | null;
  visibility?: string;
  star_count?: number;
  open_issues_count?: number;
  last_activity_at?: string;
  archived?: boolean;
}

export const gitlabProjectsTool = defineTool({
  name: 'gitlab_projects',
  displayName: 'List GitLab Projects',
  description:
    'Lists GitLab projects the token can see, most recently active first: only the user\'s own (owned), only those ' +
    'they are a member of (membership), or matching a search. Returns each project\'s id, path, URL, description, ' +
    'default branch and visibility, and has_more when another page follows.',
  icon: 'GitMerge',
  category: 'integrations',
  integration: 'gitlab',
  keywords: ['gitlab', 'projects', 'repositories', 'repos', 'list'],
  inputSchema: z.object({
    owned: z.boolean().optional().describe('Only projects the user owns'),
    membership: z.boolean().optional().describe('Only projects the user is a member of'),
    search: z.string().max(200).optional().describe('Text the project name or path contains'),
    ...pageInput,
  }),
  async execute(input, context) {
    const auth = await gitlabAuth(context);
    const response = await gitlabRequest<GitlabProject[]>(context, auth, {
      path: '/projects',
      query: {
        owned: input.owned,
        membership: input.membership,
        search: input.search,
        order_by: 'last_activity_at',
        per_page: input.per_page,
        page: input.page,
      },
    });
    return {
      result: {
        instance: auth.baseUrl,
        page: input.page,
        count: response.data.length,
        projects: response.data.map((project) => ({
          id: project.id,
          name: project.name,
          path: project.path_with_namespace,
          url: project.web_url,
          description: project.description ?? '',
          default_branch: project.default_branch ?? null,
          visibility: project.visibility ?? null,
          last_activity_at: project.last_activity_at ?? null,
          ...(project.archived ? { archived: true } : {}),
        })),
        has_more: hasNextPage(response.headers),
      },
    };
  },
});
