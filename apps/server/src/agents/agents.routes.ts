import {
  agentResponseSchema, agentsPageSchema, recentAgentsResponseSchema, createAgentBodySchema, deploySnippetsSchema, idParamsSchema,
  listAgentsQuerySchema, saveWorkflowBodySchema, updateAgentBodySchema, versionParamsSchema, workflowResponseSchema,
  workflowVersionResponseSchema, workflowVersionsResponseSchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { AgentsService } from './agents.service.js';

/** `/api/agents` (reference §1.5): agents, their workflow and versions, deploy snippets. */
export function agentsRoutes(deps: { agentsService: AgentsService }): RouteSpec[] {
  const { agentsService: agents } = deps;
  const tags = ['agents'];
  return [
    defineRoute({
      method: 'POST', url: '/api/agents', summary: 'Create an agent', tags, auth: 'user',
      body: createAgentBodySchema, responses: { 201: agentResponseSchema },
      handler: async ({ user, body }) => ({ agent: await agents.create(user.id, body) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents', summary: 'List my agents (newest change first)', tags, auth: 'user',
      query: listAgentsQuerySchema, responses: { 200: agentsPageSchema },
      handler: ({ user, query }) => agents.list(user.id, query),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/recent', summary: 'My 10 most recently changed agents (landing page)', tags, auth: 'user',
      responses: { 200: recentAgentsResponseSchema },
      handler: async ({ user }) => ({ agents: (await agents.list(user.id, { limit: 10, offset: 0 })).agents }),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id', summary: 'Get an agent', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: agentResponseSchema },
      handler: async ({ user, params }) => ({ agent: await agents.get(user.id, params.id) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/agents/:id', summary: 'Update an agent’s name, description, status or settings', tags, auth: 'user',
      params: idParamsSchema, body: updateAgentBodySchema, responses: { 200: agentResponseSchema },
      handler: async ({ user, params, body }) => ({ agent: await agents.update(user.id, params.id, body) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/agents/:id', summary: 'Delete an agent with its workflow and versions', tags, auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => agents.remove(user.id, params.id),
    }),
    defineRoute({
      method: 'POST', url: '/api/agents/:id/duplicate', summary: 'Copy an agent and its workflow as a new draft (triggers and secrets are not copied)', tags, auth: 'user',
      params: idParamsSchema, responses: { 201: agentResponseSchema },
      handler: async ({ user, params }) => ({ agent: await agents.duplicate(user.id, params.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/workflow', summary: 'The agent’s current workflow', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: workflowResponseSchema },
      handler: ({ user, params }) => agents.getWorkflow(user.id, params.id),
    }),
    defineRoute({
      method: 'PUT', url: '/api/agents/:id/workflow', summary: 'Save the workflow (validated; 400 names the blocks)', tags, auth: 'user',
      params: idParamsSchema, body: saveWorkflowBodySchema, responses: { 200: workflowResponseSchema },
      handler: ({ user, params, body }) => agents.saveWorkflow(user.id, params.id, body),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/workflow/versions', summary: 'Workflow snapshots, newest first', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: workflowVersionsResponseSchema },
      handler: ({ user, params }) => agents.listVersions(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/workflow/versions/:version', summary: 'One workflow snapshot', tags, auth: 'user',
      params: versionParamsSchema, responses: { 200: workflowVersionResponseSchema },
      handler: ({ user, params }) => agents.getVersion(user.id, params.id, params.version),
    }),
    defineRoute({
      method: 'POST', url: '/api/agents/:id/workflow/restore/:version', summary: 'Save a snapshot as the new current version', tags, auth: 'user',
      params: versionParamsSchema, responses: { 200: workflowResponseSchema },
      handler: ({ user, params }) => agents.restoreVersion(user.id, params.id, params.version),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/deploy', summary: 'Trigger examples (curl, Python, JavaScript, Go)', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: deploySnippetsSchema },
      handler: ({ user, params, request }) => agents.deploySnippets(user.id, params.id, `${request.protocol}://${request.host}`),
    }),
  ];
}
