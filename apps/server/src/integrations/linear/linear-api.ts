import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { parseRetryAfterMs } from '../../providers/llm/retry.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The Linear integration as messages name it. */
export const linearOwner = { id: 'linear', name: 'Linear' } as const;

/** Linear's GraphQL endpoint (https://linear.app/developers/graphql). */
export const linearGraphqlUrl = 'https://api.linear.app/graphql';

/** Linear priorities: 0 none, 1 urgent, 2 high, 3 medium, 4 low. */
export const priorityInput = z.number().int().min(0).max(4).describe('Priority: 0 none, 1 urgent, 2 high, 3 medium, 4 low');

/** A Linear id (UUID) or, where Linear accepts it, an identifier such as ENG-123. */
export const linearIdInput = (what: string) =>
  z.string().regex(/^[A-Za-z0-9-]{1,64}$/, `A Linear ${what} id is a UUID`).describe(`The ${what} id (UUID)`);

interface GraphqlError {
  message?: string;
  extensions?: { code?: string; type?: string; userPresentableMessage?: string };
}

function errorsOf(data: unknown): GraphqlError[] {
  const errors = (data as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as GraphqlError[]) : [];
}

function isAuthenticationError(error: GraphqlError): boolean {
  const kind = `${error.extensions?.code ?? ''} ${error.extensions?.type ?? ''}`.toLowerCase();
  return kind.includes('authentication') || /not authenticated|authentication required/i.test(error.message ?? '');
}

/** Linear names its rate limit in a GraphQL error (`RATELIMITED`); the reset is `x-ratelimit-requests-reset` (epoch ms). */
export function linearRateLimitWaitMs(response: { status: number; headers: Record<string, string>; data: unknown }): number | undefined {
  const limited = errorsOf(response.data).some((error) => `${error.extensions?.code ?? ''}`.toUpperCase() === 'RATELIMITED');
  if (!limited) return undefined;
  const retryAfter = parseRetryAfterMs(response.headers);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(response.headers['x-ratelimit-requests-reset']);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset - Date.now()) : 60_000;
}

/** The caller's Linear API key. */
export async function linearApiKey(context: ToolContext): Promise<string> {
  return (await requireCredential(context, linearOwner, ['api_key'])).api_key!.trim();
}

function graphqlFailure(error: GraphqlError, status: number): AppError {
  const said = (error.extensions?.userPresentableMessage ?? error.message ?? 'unknown error').slice(0, 300);
  if (isAuthenticationError(error)) {
    return new AppError('upstream_error', `Linear refused the credential (${status}): ${said}. Check it on the Credentials page.`, { service: 'Linear', status, serviceMessage: said });
  }
  return new AppError('upstream_error', `Linear refused the request: ${said}.`, { service: 'Linear', status, serviceMessage: said });
}

/**
 * Runs a GraphQL query or mutation with the API key as the `Authorization` header (personal keys go without
 * "Bearer"). GraphQL `errors` — in a 200 answer or a 400 — fail with Linear's message; an authentication error
 * reads as a refused credential.
 */
export async function linearGraphql<Data>(context: ServiceContext, apiKey: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  let response;
  try {
    response = await callService<{ data?: Data | null; errors?: GraphqlError[] }>(context, {
      service: 'Linear',
      method: 'POST',
      url: linearGraphqlUrl,
      headers: { authorization: apiKey },
      json: { query, variables },
      rateLimitWaitMs: linearRateLimitWaitMs,
    });
  } catch (error) {
    // A 400 carries the GraphQL errors too; callService already quoted the first message.
    const details = error instanceof AppError ? (error.details as { status?: number; serviceMessage?: string } | undefined) : undefined;
    if (details?.status === 400 && details.serviceMessage && isAuthenticationError({ message: details.serviceMessage })) {
      throw graphqlFailure({ message: details.serviceMessage, extensions: { type: 'authentication' } }, 400);
    }
    throw error;
  }
  const [first] = errorsOf(response.data);
  if (first) throw graphqlFailure(first, response.status);
  if (!response.data?.data) throw new AppError('upstream_error', 'Linear answered without data.', { service: 'Linear', status: response.status });
  return response.data.data;
}

/** An issue as the tools ask for it. */
export const issueFields = `id identifier title url priority priorityLabel dueDate createdAt updatedAt
  state { name type } team { id key name } assignee { name email }`;

export interface LinearIssue {
  id: string;
  identifier: string;
  title: string;
  url: string;
  priority?: number;
  priorityLabel?: string;
  dueDate?: string | null;
  createdAt?: string;
  updatedAt?: string;
  state?: { name: string; type?: string } | null;
  team?: { id: string; key: string; name?: string } | null;
  assignee?: { name?: string; email?: string } | null;
}

/** An issue in the shape the model reads. */
export function simplifyIssue(issue: LinearIssue): Record<string, unknown> {
  return {
    id: issue.id,
    identifier: issue.identifier,
    title: issue.title,
    url: issue.url,
    state: issue.state?.name ?? null,
    priority: issue.priorityLabel ?? issue.priority ?? null,
    team: issue.team ? { id: issue.team.id, key: issue.team.key } : null,
    assignee: issue.assignee?.name ?? issue.assignee?.email ?? null,
    due_date: issue.dueDate ?? null,
    created_at: issue.createdAt ?? null,
    updated_at: issue.updatedAt ?? null,
  };
}
