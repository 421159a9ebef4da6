import { z } from 'zod';
import { parseRetryAfterMs } from '../../providers/llm/retry.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest, type ServiceResponse } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The GitHub integration as messages name it. */
export const githubOwner = { id: 'github', name: 'GitHub' } as const;

/** GitHub's REST API (https://docs.github.com/en/rest). */
export const githubApiBase = 'https://api.github.com';

/** The owner and repository every repository tool names; validated so they stay one path segment each. */
export const repositoryInput = {
  owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'A GitHub owner is a user or organisation login').describe('Repository owner (user or organisation)'),
  repo: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'A repository name is letters, digits, ".", "-" and "_"')
    .refine((name) => name !== '.' && name !== '..', 'Give a repository name')
    .describe('Repository name'),
};

/** The caller's GitHub token. */
export async function githubToken(context: ToolContext): Promise<string> {
  return (await requireCredential(context, githubOwner, ['personal_access_token'])).personal_access_token!.trim();
}

/**
 * GitHub's rate-limit answers that are not 429: a 403 (or 429) with `retry-after` (secondary limits) or with
 * `x-ratelimit-remaining: 0` (the hourly limit, waited until `x-ratelimit-reset`). Other 403s are permissions.
 */
export function githubRateLimitWaitMs(response: { status: number; headers: Record<string, string> }): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = parseRetryAfterMs(response.headers);
  if (retryAfter !== undefined) return retryAfter;
  if (response.headers['x-ratelimit-remaining'] !== '0') return undefined;
  const resetSeconds = Number(response.headers['x-ratelimit-reset']);
  return Number.isFinite(resetSeconds) ? Math.max(0, resetSeconds * 1000 - Date.now()) : 60_000;
}

/** Calls GitHub's REST API with the token (Bearer), the JSON media type and the pinned API version. */
export async function githubRequest<Data>(
  context: ServiceContext,
  token: string,
  request: Omit<ServiceRequest, 'service' | 'headers' | 'url'> & { path: string },
): Promise<ServiceResponse<Data>> {
  const { path, ...rest } = request;
  return callService<Data>(context, {
    ...rest,
    service: 'GitHub',
    url: `${githubApiBase}${path}`,
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    rateLimitWaitMs: githubRateLimitWaitMs,
  });
}

/** Whether a `Link` header names a next page. */
export function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /rel="next"/.test(link);
}

/** An issue (or pull request) as GitHub returns it (the parts read here). */
export interface GitHubIssue {
  number: number;
  title: string;
  state: string;
  html_url: string;
  body?: string | null;
  user?: { login: string } | null;
  labels?: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  comments?: number;
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
  pull_request?: unknown;
}

const maxBodyChars = 500;

/** An issue in the shape the model reads (body cut at 500 characters). */
export function simplifyIssue(issue: GitHubIssue): Record<string, unknown> {
  const body = issue.body ?? '';
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    url: issue.html_url,
    author: issue.user?.login ?? null,
    labels: (issue.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
    assignees: (issue.assignees ?? []).map((person) => person.login),
    comments: issue.comments ?? 0,
    created_at: issue.created_at ?? null,
    updated_at: issue.updated_at ?? null,
    ...(issue.closed_at ? { closed_at: issue.closed_at } : {}),
    ...(issue.pull_request ? { is_pull_request: true } : {}),
    body: body.length > maxBodyChars ? `${body.slice(0, maxBodyChars)}…` : body,
  };
}
