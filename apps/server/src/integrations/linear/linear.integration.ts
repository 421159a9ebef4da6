import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { linearGraphql, linearOwner } from './linear-api.js';
import { linearCreateIssueTool } from './linear-create-issue.tool.js';
import { linearIssuesTool } from './linear-issues.tool.js';
import { linearUpdateIssueTool } from './linear-update-issue.tool.js';

/** The query of the credential test: who the key belongs to. */
export const viewerQuery = '{ viewer { id name email } }';

/** Linear: issues through its GraphQL API and a personal API key (reference §4.3). */
export const linearIntegration = defineIntegration({
  id: 'linear',
  name: 'Linear',
  description: 'List, create and update issues in Linear.',
  icon: 'ListTodo',
  category: 'development',
  docsUrl: 'https://linear.app/developers/graphql#personal-api-keys',
  fields: [
    {
      key: 'api_key',
      label: 'Personal API key',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'lin_api_…',
      helpText: 'Linear → Settings → Security & access → Personal API keys.',
    },
  ],
  tools: [linearIssuesTool, linearCreateIssueTool, linearUpdateIssueTool],
  /** The key's user (`{ viewer { id name email } }`): the cheapest query that proves the key works. */
  async test(values, context) {
    const apiKey = requireValues(values, linearOwner, ['api_key']).api_key!.trim();
    const { viewer } = await linearGraphql<{ viewer: { id: string; name?: string; email?: string } }>(context, apiKey, viewerQuery);
    const who = viewer.name && viewer.email ? `${viewer.name} (${viewer.email})` : (viewer.name ?? viewer.email ?? viewer.id);
    return { message: `Connected to Linear as ${who}.`, details: { userId: viewer.id } };
  },
});
