import { ValidationError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { mixpanelQueryApi } from './mixpanel-api.js';
import { mixpanelTrackTool } from './mixpanel-track.tool.js';
import { mixpanelUserProfileTool } from './mixpanel-user-profile.tool.js';

/** Mixpanel product analytics: events and profiles with the project token (reference §4.3). */
export const mixpanelIntegration = defineIntegration({
  id: 'mixpanel',
  name: 'Mixpanel',
  description: 'Track events and update user profiles in your Mixpanel project.',
  icon: 'BarChart3',
  category: 'analytics',
  docsUrl: 'https://docs.mixpanel.com/docs/orgs-and-projects/managing-projects#find-your-project-tokens',
  fields: [
    {
      key: 'project_token',
      label: 'Project Token',
      type: 'api_key',
      required: true,
      placeholder: 'Your project token',
      helpText: 'Mixpanel → Project Settings → Overview → Project Token.',
      sensitive: true,
    },
    {
      key: 'api_secret',
      label: 'API Secret',
      type: 'api_key',
      required: false,
      placeholder: 'Optional: lets the credential be tested',
      helpText: 'Project Settings → Overview → API Secret. Only used to check the connection (read-only Query API).',
      sensitive: true,
    },
  ],
  tools: [mixpanelTrackTool, mixpanelUserProfileTool],
  async test(values, context) {
    if (!values.project_token?.trim()) throw new ValidationError('Give the Mixpanel project token (project_token).');
    const secret = values.api_secret?.trim();
    if (!secret) {
      // The ingestion API accepts any token without saying whether it exists; only a read with the secret can tell.
      return { message: 'Saved. Mixpanel cannot confirm a project token on its own; add the API secret to test the connection.', details: { verified: false } };
    }
    const { data } = await callService<string[]>(context, {
      service: 'Mixpanel',
      url: `${mixpanelQueryApi}/events/names`,
      query: { type: 'general', limit: 1 },
      headers: { authorization: `Basic ${Buffer.from(`${secret}:`).toString('base64')}` },
    });
    const seen = Array.isArray(data) && data.length > 0 ? ` (latest top event: "${data[0]}")` : '';
    return { message: `Connected to the Mixpanel project${seen}.`, details: { verified: true } };
  },
});
