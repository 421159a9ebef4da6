import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { netlifyCall, netlifyToken, siteSegment } from './netlify-api.js';

interface NetlifyBuild {
  id: string;
  deploy_id?: string;
  sha?: string | null;
  done?: boolean;
  error?: string | null;
  created_at?: string;
}

/** Starts a new build of a Netlify site from its linked repository (`POST /sites/{site_id}/builds`). */
export const netlifyTriggerBuildTool = defineTool({
  name: 'netlify_trigger_build',
  displayName: 'Netlify Trigger Build',
  description:
    'Starts a new build and deploy of a Netlify site from its linked repository, optionally clearing the build cache. ' +
    'Returns the build id and the deploy id to follow with netlify_deploys. site_id is the id or name from netlify_sites.',
  icon: 'Hammer',
  category: 'integrations',
  integration: 'netlify',
  keywords: ['netlify', 'build', 'deploy', 'redeploy', 'trigger', 'publish', 'rebuild'],
  inputSchema: z.object({
    site_id: z.string().min(1).max(200).describe('The site\'s id or name'),
    clear_cache: z.boolean().default(false).describe('Clear the build cache first'),
  }),
  async execute(input, context) {
    const token = await netlifyToken(context);
    const { data } = await netlifyCall<NetlifyBuild>(context, token, {
      method: 'POST',
      path: `/sites/${siteSegment(input.site_id)}/builds`,
      json: input.clear_cache ? { clear_cache: true } : {},
    });
    return { result: { started: true, siteId: input.site_id, buildId: data.id, deployId: data.deploy_id, done: data.done ?? false, createdAt: data.created_at } };
  },
});
