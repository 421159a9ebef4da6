import { defineIntegration } from '../define-integration.js';
import { defaultGitlabUrl, gitlabAuthOf, gitlabRequest, gitlabUrlProblem } from './gitlab-api.js';
import { gitlabIssuesTool } from './gitlab-issues.tool.js';
import { gitlabMrsTool } from './gitlab-mrs.tool.js';
import { gitlabProjectsTool } from './gitlab-projects.tool.js';

/** GitLab (gitlab.com or self-managed): projects, issues and merge requests through a personal access token. */
export const gitlabIntegration = defineIntegration({
  id: 'gitlab',
  name: 'GitLab',
  description: 'List projects, issues and merge requests on GitLab.com or your own GitLab.',
  icon: 'GitMerge',
  category: 'development',
  docsUrl: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
  fields: [
    {
      key: 'personal_access_token',
      label: 'Personal access token',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'glpat-…',
      helpText: 'GitLab → Preferences → Access tokens, with the read_api scope (api to write).',
    },
    {
      key: 'base_url',
      label: 'GitLab address',
      type: 'text',
      required: false,
      sensitive: false,
      placeholder: defaultGitlabUrl,
      default: defaultGitlabUrl,
      helpText: 'Leave as is for GitLab.com; for a self-managed GitLab, its address.',
      validate: gitlabUrlProblem,
    },
  ],
  tools: [gitlabProjectsTool, gitlabIssuesTool, gitlabMrsTool],
  /** The token's user (GET /api/v4/user): the cheapest call that proves the token works on that instance. */
  async test(values, context) {
    const auth = gitlabAuthOf(values);
    const { data: user } = await gitlabRequest<{ id: number; username: string; name?: string }>(context, auth, { path: '/user' });
    return {
      message: `Connected to GitLab (${new URL(auth.baseUrl).host}) as @${user.username}${user.name ? ` (${user.name})` : ''}.`,
      details: { userId: user.id, username: user.username, instance: auth.baseUrl },
    };
  },
});
