import { ValidationError } from '../../platform/errors/app-error.js';
import { defineIntegration } from '../define-integration.js';
import { netlifyCall } from './netlify-api.js';
import { netlifyDeploysTool } from './netlify-deploys.tool.js';
import { netlifySitesTool } from './netlify-sites.tool.js';
import { netlifyTriggerBuildTool } from './netlify-trigger-build.tool.js';

/** Netlify sites, deploys and builds through a personal access token (reference §4.3). */
export const netlifyIntegration = defineIntegration({
  id: 'netlify',
  name: 'Netlify',
  description: 'See your Netlify sites and deploys and start new builds.',
  icon: 'Rocket',
  category: 'deployment',
  docsUrl: 'https://docs.netlify.com/api/get-started/#authentication',
  fields: [
    {
      key: 'access_token',
      label: 'Personal Access Token',
      type: 'api_key',
      required: true,
      placeholder: 'nfp_…',
      helpText: 'Netlify → User settings → Applications → Personal access tokens.',
      sensitive: true,
    },
  ],
  tools: [netlifySitesTool, netlifyDeploysTool, netlifyTriggerBuildTool],
  async test(values, context) {
    const token = values.access_token?.trim();
    if (!token) throw new ValidationError('Give the Netlify personal access token (access_token).');
    const { data } = await netlifyCall<{ email?: string; full_name?: string }>(context, token, { path: '/user' });
    return { message: `Connected to Netlify as ${data.full_name || data.email || 'the token\'s user'}.` };
  },
});
