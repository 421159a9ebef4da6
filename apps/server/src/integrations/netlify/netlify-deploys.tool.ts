import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { netlifyCall, netlifyToken, siteSegment } from './netlify-api.js';

interface NetlifyDeploy {
  id: string;
  state?: string;
  context?: string;
  branch?: string;
  commit_ref?: string | null;
  title?: string | null;
  deploy_ssl_url?: string;
  deploy_url?: string;
  error_message?: string | null;
  created_at?: string;
  published_at?: string | null;
}

/** Lists a Netlify site's deploys, newest first (`GET /sites/{site_id}/deploys`, paged). */
export const netlifyDeploysTool = defineTool({
  name: 'netlify_deploys',
  displayName: 'Netlify Deploys',
  description:
    'Lists the deploys of a Netlify site, newest first: each deploy\'s id, state (ready, building, error…), context ' +
    '(production, deploy-preview…), branch, commit, URL, error message and times. Use it to see whether the last ' +
    'build succeeded. site_id is the id or name from netlify_sites.',
  icon: 'Rocket',
  category: 'integrations',
  integration: 'netlify',
  keywords: ['netlify', 'deploys', 'deployments', 'builds', 'status', 'release'],
  inputSchema: z.object({
    site_id: z.string().min(1).max(200).describe('The site\'s id or name'),
    limit: z.number().int().min(1).max(100).default(10).describe('Deploys per page, at most 100'),
    page: z.number().int().min(1).max(1_000).default(1).describe('Page number, from 1'),
  }),
  async execute(input, context) {
    const token = await netlifyToken(context);
    const { data } = await netlifyCall<NetlifyDeploy[]>(context, token, {
      path: `/sites/${siteSegment(input.site_id)}/deploys`,
      query: { page: input.page, per_page: input.limit },
    });
    const deploys = data.map((deploy) => ({
      id: deploy.id,
      state: deploy.state,
      context: deploy.context,
      branch: deploy.branch,
      commit: deploy.commit_ref ?? undefined,
      title: deploy.title ?? undefined,
      url: deploy.deploy_ssl_url || deploy.deploy_url,
      error: deploy.error_message ?? undefined,
      createdAt: deploy.created_at,
      publishedAt: deploy.published_at ?? undefined,
    }));
    return { result: { siteId: input.site_id, deploys, count: deploys.length, page: input.page, hasMore: deploys.length === input.limit } };
  },
});
