import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { githubAddCommentTool } from './github-add-comment.tool.js';
import { githubOwner, githubRequest } from './github-api.js';
import { githubCreateIssueTool } from './github-create-issue.tool.js';
import { githubGetRepoTool } from './github-get-repo.tool.js';
import { githubListIssuesTool } from './github-list-issues.tool.js';

/** GitHub: issues, comments and repository facts through a personal access token (reference §4.3). */
export const githubIntegration = defineIntegration({
  id: 'github',
  name: 'GitHub',
  description: 'Create and list issues, comment on issues and pull requests, and read repository details on GitHub.',
  icon: 'FolderGit2',
  category: 'development',
  docsUrl: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  fields: [
    {
      key: 'personal_access_token',
      label: 'Personal access token',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'github_pat_… or ghp_…',
      helpText: 'A fine-grained token with Issues (read and write) and Metadata (read) on the repositories to use, or a classic token with the repo scope.',
    },
  ],
  tools: [githubCreateIssueTool, githubListIssuesTool, githubGetRepoTool, githubAddCommentTool],
  /** The token's user (GET /user): the cheapest call that proves the token works. */
  async test(values, context) {
    const token = requireValues(values, githubOwner, ['personal_access_token']).personal_access_token!.trim();
    const { data: user, headers } = await githubRequest<{ login: string; name?: string | null }>(context, token, { path: '/user' });
    const scopes = headers['x-oauth-scopes'];
    return {
      message: `Connected to GitHub as @${user.login}${user.name ? ` (${user.name})` : ''}.`,
      details: { login: user.login, ...(scopes ? { scopes: scopes.split(',').map((scope) => scope.trim()).filter(Boolean) } : {}) },
    };
  },
});
