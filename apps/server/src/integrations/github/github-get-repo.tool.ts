import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { githubRequest, githubToken, repositoryInput } from './github-api.js';

interface GitHubRepository {
  name: string;
  full_name: string;
  description: string | null;
  html_url: string;
  private: boolean;
  fork?: boolean;
  archived?: boolean;
  default_branch?: string;
  language?: string | null;
  stargazers_count?: number;
  forks_count?: number;
  open_issues_count?: number;
  watchers_count?: number;
  topics?: string[];
  license?: { spdx_id?: string | null } | null;
  owner?: { login: string; type?: string };
  homepage?: string | null;
  created_at?: string;
  updated_at?: string;
  pushed_at?: string;
}

export const githubGetRepoTool = defineTool({
  name: 'github_get_repo',
  displayName: 'Get GitHub Repository',
  description:
    'Reads a GitHub repository\'s facts: description, URL, visibility, default branch, main language, stars, ' +
    'forks, open issues, topics, license and when it was last pushed.',
  icon: 'FolderGit2',
  category: 'integrations',
  integration: 'github',
  keywords: ['github', 'repository', 'repo', 'info', 'stats', 'stars', 'project'],
  inputSchema: z.object(repositoryInput),
  async execute(input, context) {
    const token = await githubToken(context);
    const { data: repo } = await githubRequest<GitHubRepository>(context, token, { path: `/repos/${input.owner}/${input.repo}` });
    return {
      result: {
        name: repo.name,
        full_name: repo.full_name,
        description: repo.description,
        url: repo.html_url,
        owner: repo.owner ? { login: repo.owner.login, type: repo.owner.type ?? null } : null,
        private: repo.private,
        fork: repo.fork === true,
        archived: repo.archived === true,
        default_branch: repo.default_branch ?? null,
        language: repo.language ?? null,
        stars: repo.stargazers_count ?? 0,
        forks: repo.forks_count ?? 0,
        open_issues: repo.open_issues_count ?? 0,
        watchers: repo.watchers_count ?? 0,
        topics: repo.topics ?? [],
        license: repo.license?.spdx_id ?? null,
        homepage: repo.homepage || null,
        created_at: repo.created_at ?? null,
        updated_at: repo.updated_at ?? null,
        pushed_at: repo.pushed_at ?? null,
      },
    };
  },
});
