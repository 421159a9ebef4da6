import { defineIntegration } from '../define-integration.js';
import { jiraAuthOf, jiraDomainProblem, jiraRequest } from './jira-api.js';
import { jiraCreateIssueTool } from './jira-create-issue.tool.js';
import { jiraIssuesTool } from './jira-issues.tool.js';
import { jiraUpdateIssueTool } from './jira-update-issue.tool.js';

/** Jira Cloud: issues through the REST API v3 with an Atlassian account's email and API token (reference §4.3). */
export const jiraIntegration = defineIntegration({
  id: 'jira',
  name: 'Jira',
  description: 'Search issues with JQL, create issues and update or transition them in Jira Cloud.',
  icon: 'Ticket',
  category: 'development',
  docsUrl: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
  fields: [
    { key: 'email', label: 'Account email', type: 'text', required: true, sensitive: false, placeholder: 'you@example.com', helpText: 'The email of the Atlassian account the token belongs to.' },
    {
      key: 'api_token',
      label: 'API token',
      type: 'api_key',
      required: true,
      sensitive: true,
      helpText: 'Create one at id.atlassian.com/manage-profile/security/api-tokens.',
    },
    {
      key: 'domain',
      label: 'Jira site',
      type: 'text',
      required: true,
      sensitive: false,
      placeholder: 'your-company.atlassian.net',
      helpText: 'The host name of your Jira site, without https://.',
      validate: jiraDomainProblem,
    },
  ],
  tools: [jiraIssuesTool, jiraCreateIssueTool, jiraUpdateIssueTool],
  /** The account of the token (GET /rest/api/3/myself): the cheapest call that proves email, token and site. */
  async test(values, context) {
    const auth = jiraAuthOf(values);
    const { data: me } = await jiraRequest<{ accountId: string; displayName?: string; emailAddress?: string }>(context, auth, { path: '/myself' });
    return {
      message: `Connected to Jira (${new URL(auth.siteUrl).host}) as ${me.displayName ?? me.emailAddress ?? me.accountId}.`,
      details: { accountId: me.accountId, site: auth.siteUrl },
    };
  },
});
