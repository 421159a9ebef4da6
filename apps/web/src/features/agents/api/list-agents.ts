import { agentsPageSchema, type Agent } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentsPath, agentsQueryKeys } from './agents-paths';

/** The API's largest page; the list page asks page after page so that its search covers every agent. */
const pageSize = 100;
/** A bound on the pages read, so that a server that always says `hasMore` cannot loop the page forever. */
const maxPages = 50;

/** GET /api/agents (every page) → the user's agents, most recently changed first. */
export async function listAgents(): Promise<Agent[]> {
  const agents: Agent[] = [];
  for (let page = 0; page < maxPages; page += 1) {
    const response = await apiClient.request(agentsPath, { query: { limit: pageSize, offset: page * pageSize }, schema: agentsPageSchema });
    agents.push(...response.agents);
    if (!response.hasMore || response.agents.length === 0) break;
  }
  return agents;
}

export const agentsQueryOptions = () =>
  queryOptions({
    queryKey: agentsQueryKeys.list,
    queryFn: listAgents,
    // Saving in the editor and runs change block counts and dates: ask again whenever the page opens.
    staleTime: 0,
  });

export function useAgents() {
  return useQuery(agentsQueryOptions());
}
