import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { netlifyCall, netlifyToken } from './netlify-api.js';

interface NetlifySite {
  id: string;
  name: string;
  url?: string;
  ssl_url?: string;
  admin_url?: string;
  custom_domain?: string | null;
  updated_at?: string;
  published_deploy?: { id?: string; state?: string; published_at?: string } | null;
  build_settings?: { repo_url?: string; repo_branch?: string } | null;
}

/** Lists the Netlify sites the token can see (`GET /sites`, paged). */
export const netlifySitesTool = defineTool({
  name: 'netlify_sites',
  displayName: 'Netlify Sites',
  description:
    'Lists the Netlify sites of the connected account, optionally only those whose name contains a text. Returns each ' +
    'site\'s id, name, URL, admin URL, custom domain, repository and its last published deploy. Use the id with ' +
    'netlify_deploys or netlify_trigger_build.',
  icon: 'Globe',
  category: 'integrations',
  integration: 'netlify',
  keywords: ['netlify', 'sites', 'hosting', 'websites', 'deploy', 'domains'],
  inputSchema: z.object({
    name: z.string().max(200).optional().describe('Only sites whose name contains this'),
    limit: z.number().int().min(1).max(100).default(20).describe('Sites per page, at most 100'),
    page: z.number().int().min(1).max(1_000).default(1).describe('Page number, from 1'),
  }),
  async execute(input, context) {
    const token = await netlifyToken(context);
    const { data } = await netlifyCall<NetlifySite[]>(context, token, {
      path: '/sites',
      query: { filter: 'all', name: input.name?.trim() || undefined, page: input.page, per_page: input.limit },
    });
    const sites = data.map((site) => ({
      id: site.id,
      name: site.name,
      url: site.ssl_url || site.url,
      adminUrl: site.admin_url,
      customDomain: site.custom_domain ?? undefined,
      repo: site.build_settings?.repo_url,
      branch: site.build_settings?.repo_branch,
      publishedDeploy: site.published_deploy ? { id: site.published_deploy.id, state: site.published_deploy.state, publishedAt: site.published_deploy.published_at } : undefined,
      updatedAt: site.updated_at,
    }));
    return { result: { sites, count: sites.length, page: input.page, hasMore: sites.length === input.limit } };
  },
});
