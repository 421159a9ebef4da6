import {
  agentBuilderParamsSchema, appendBuilderMessageBodySchema, appendBuilderMessageResponseSchema, askAgentBodySchema, askAgentResponseSchema,
  builderConversationParamsSchema, builderConversationResponseSchema, builderConversationsResponseSchema, generateSampleInputBodySchema,
  generateWithToolsBodySchema, generateWorkflowBodySchema, generationResultSchema, generationV2ResultSchema, sampleInputResponseSchema,
  selectToolsBodySchema, selectToolsResponseSchema,
} from '@claraverse/shared';
import type { z } from 'zod';
import { defineRoute, type RouteContext, type RouteSpec } from '../../platform/http/define-route.js';
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
  /** `POST <base>/<path>` with a body, for the agent's owner: the shape of every generator and assistant route. */
  const agentPost = <TBody extends z.ZodType>(
    path: string, summary: string, body: TBody, response: z.ZodType,
    handle: (userId: string, agentId: string, body: RouteContext<TBody, undefined, undefined, 'user'>['body'], origin: string) => Promise<unknown>,
  ) => defineRoute({
    method: 'POST', url: `${base}/${path}`, summary, tags, auth: 'user', params: agentBuilderParamsSchema, body, responses: { 200: response },
    handler: ({ user, params, body: parsed, request }) => handle(user.id, params.agentId, parsed, `${request.protocol}://${request.host}`),
  });
  return [
    agentPost('select-tools', 'Generator step 1: the tools the described agent needs', selectToolsBodySchema, selectToolsResponseSchema,
      (userId, agentId, body) => generator.selectTools(userId, agentId, body)),
    agentPost('generate-with-tools', 'Generator step 2: write the workflow with the selected tools and save it as a version', generateWithToolsBodySchema, generationResultSchema,
      (userId, agentId, body) => generator.generateWithTools(userId, agentId, body)),
    agentPost('generate-workflow', 'Generate (or change) the workflow in one step and save it as a version', generateWorkflowBodySchema, generationResultSchema,
      (userId, agentId, body) => generator.generateWorkflow(userId, agentId, body)),
    agentPost('generate-workflow-v2', 'Select tools, then generate the workflow (both steps reported) and save it', generateWorkflowBodySchema, generationV2ResultSchema,
      (userId, agentId, body) => generator.generateWorkflowV2(userId, agentId, body)),
    agentPost('generate-sample-input', 'A sample input matching the start block, for a test run', generateSampleInputBodySchema, sampleInputResponseSchema,
      (userId, agentId, body) => assistant.sampleInput(userId, agentId, body)),
    agentPost('ask', 'Ask mode: a question about this agent (changes nothing)', askAgentBodySchema, askAgentResponseSchema,
      (userId, agentId, body, origin) => assistant.ask(userId, agentId, body, origin)),
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
