import {
  agentBuilderParamsSchema, appendBuilderMessageBodySchema, appendBuilderMessageResponseSchema, askAgentBodySchema, askAgentResponseSchema,
  builderConversationParamsSchema, builderConversationResponseSchema, builderConversationsResponseSchema, generateSampleInputBodySchema,
  generateWithToolsBodySchema, generateWorkflowBodySchema, generationResultSchema, generationV2ResultSchema, sampleInputResponseSchema,
  selectToolsBodySchema, selectToolsResponseSchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { AgentAssistant } from './agent-assistant.service.js';
import type { AgentGenerator } from './agent-generator.service.js';
import type { BuilderConversationsService } from './builder-conversations.service.js';

/**
 * The agent builder (reference §1.5): the generator (one step, two steps, or each step alone), sample input, Ask
 * mode and builder conversations. A workflow that stays invalid is 422 `generation_failed` with the problems.
 */
export function agentBuilderRoutes(deps: { generator: AgentGenerator; assistant: AgentAssistant; conversations: BuilderConversationsService }): RouteSpec[] {
  const { generator, assistant, conversations } = deps;
  const tags = ['agent builder'];
  const base = '/api/agents/:agentId';
  return [
    defineRoute({
      method: 'POST', url: `${base}/select-tools`, summary: 'Generator step 1: the tools the described agent needs', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: selectToolsBodySchema, responses: { 200: selectToolsResponseSchema },
      handler: ({ user, params, body }) => generator.selectTools(user.id, params.agentId, body),
    }),
    defineRoute({
      method: 'POST', url: `${base}/generate-with-tools`, summary: 'Generator step 2: write the workflow with the selected tools and save it as a version', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: generateWithToolsBodySchema, responses: { 200: generationResultSchema },
      handler: ({ user, params, body }) => generator.generateWithTools(user.id, params.agentId, body),
    }),
    defineRoute({
      method: 'POST', url: `${base}/generate-workflow`, summary: 'Generate (or change) the workflow in one step and save it as a version', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: generateWorkflowBodySchema, responses: { 200: generationResultSchema },
      handler: ({ user, params, body }) => generator.generateWorkflow(user.id, params.agentId, body),
    }),
    defineRoute({
      method: 'POST', url: `${base}/generate-workflow-v2`, summary: 'Select tools, then generate the workflow (both steps reported) and save it', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: generateWorkflowBodySchema, responses: { 200: generationV2ResultSchema },
      handler: ({ user, params, body }) => generator.generateWorkflowV2(user.id, params.agentId, body),
    }),
    defineRoute({
      method: 'POST', url: `${base}/generate-sample-input`, summary: 'A sample input matching the start block, for a test run', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: generateSampleInputBodySchema, responses: { 200: sampleInputResponseSchema },
      handler: ({ user, params, body }) => assistant.sampleInput(user.id, params.agentId, body),
    }),
    defineRoute({
      method: 'POST', url: `${base}/ask`, summary: 'Ask mode: a question about this agent (changes nothing)', tags, auth: 'user',
      params: agentBuilderParamsSchema, body: askAgentBodySchema, responses: { 200: askAgentResponseSchema },
      handler: ({ user, params, body, request }) => assistant.ask(user.id, params.agentId, body, `${request.protocol}://${request.host}`),
    }),
    defineRoute({
      method: 'GET', url: `${base}/conversations`, summary: 'The agent’s builder conversations, newest change first', tags, auth: 'user',
      params: agentBuilderParamsSchema, responses: { 200: builderConversationsResponseSchema },
      handler: ({ user, params }) => conversations.list(user.id, params.agentId),
    }),
    defineRoute({
      method: 'POST', url: `${base}/conversations`, summary: 'Start a builder conversation', tags, auth: 'user',
      params: agentBuilderParamsSchema, responses: { 201: builderConversationResponseSchema },
      handler: async ({ user, params }) => ({ conversation: await conversations.create(user.id, params.agentId) }),
    }),
    defineRoute({
      method: 'GET', url: `${base}/conversations/current`, summary: 'The current builder conversation (created when there is none)', tags, auth: 'user',
      params: agentBuilderParamsSchema, responses: { 200: builderConversationResponseSchema },
      handler: async ({ user, params }) => ({ conversation: await conversations.current(user.id, params.agentId) }),
    }),
    defineRoute({
      method: 'GET', url: `${base}/conversations/:conversationId`, summary: 'One builder conversation with its messages', tags, auth: 'user',
      params: builderConversationParamsSchema, responses: { 200: builderConversationResponseSchema },
      handler: async ({ user, params }) => ({ conversation: await conversations.get(user.id, params.agentId, params.conversationId) }),
    }),
    defineRoute({
      method: 'DELETE', url: `${base}/conversations/:conversationId`, summary: 'Delete a builder conversation', tags, auth: 'user',
      params: builderConversationParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => conversations.remove(user.id, params.agentId, params.conversationId),
    }),
    defineRoute({
      method: 'POST', url: `${base}/conversations/:conversationId/messages`, summary: 'Append a message (at most 200 are kept)', tags, auth: 'user',
      params: builderConversationParamsSchema, body: appendBuilderMessageBodySchema, responses: { 201: appendBuilderMessageResponseSchema },
      handler: async ({ user, params, body }) => ({ message: await conversations.append(user.id, params.agentId, params.conversationId, body) }),
    }),
  ];
}
