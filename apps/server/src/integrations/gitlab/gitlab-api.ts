import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest, type ServiceResponse } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential, requireValues } from '../require-credential.js';

/** The GitLab integration as messages name it. */
export const gitlabOwner = { id: 'gitlab', name: 'GitLab' } as const;

/** GitLab.com; a self-managed instance is named by the credential's `base_url`. */
export const defaultGitlabUrl = 'https://gitlab.com';

/**
 * Why a GitLab address is not usable, or null: an http(s) URL of the instance (a sub-path is allowed for
 * instances installed under one), without credentials, query or fragment.
 */
export function gitlabUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Give the address of your GitLab, e.g. https://gitlab.example.com';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The GitLab address must start with https:// (or http://)';
  if (url.username || url.password || url.search || url.hash) return 'Give the GitLab address alone, without user, query or #fragment';
  if (url.pathname.includes('/api/')) return 'Give the GitLab address without /api/v4';
  return null;
}

/** The instance's base URL of a credential (default gitlab.com), without a trailing slash. */
export function gitlabBaseOf(values: CredentialValues): string {
  const given = values.base_url?.trim();
  if (!given) return defaultGitlabUrl;
  const problem = gitlabUrlProblem(given);
  if (problem) throw new ValidationError(`The GitLab credential's base_url is not usable: ${problem}.`);
  return given.replace(/\/+$/, '');
}

export interface GitlabAuth {
  token: string;
  baseUrl: string;
}

/** The token and instance of a credential. @throws ValidationError for a missing token or a bad base_url */
export function gitlabAuthOf(values: CredentialValues): GitlabAuth {
  const checked = requireValues(values, gitlabOwner, ['personal_access_token']);
  return { token: checked.personal_access_token!.trim(), baseUrl: gitlabBaseOf(checked) };
}

/** The caller's GitLab token and instance. */
export async function gitlabAuth(context: ToolContext): Promise<GitlabAuth> {
  return gitlabAuthOf(await requireCredential(context, gitlabOwner, ['personal_access_token']));
}

/** Calls GitLab's REST API v4 of the instance with the `PRIVATE-TOKEN` header. */
export async function gitlabRequest<Data>(
  context: ServiceContext,
  auth: GitlabAuth,
  request: Omit<ServiceRequest, 'service' | 'headers' | 'url'> & { path: string },
): Promise<ServiceResponse<Data>> {
  const { path, ...rest } = request;
  return callService<Data>(context, { ...rest, service: 'GitLab', url: `${auth.baseUrl}/api/v4${path}`, headers: { 'private-token': auth.token } });
}

/** A project by numeric id or `group/sub/project` path; paths are sent URL-encoded as GitLab requires. */
export const projectIdInput = z
  .string()
  .regex(/^(\d+|[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*)$/, 'Give the project id (a number) or its path, e.g. group/project')
  .max(255)
  .describe('The project id or its full path (group/project)');

/** Page size and page of the list tools (GitLab: `per_page` at most 100). */
export const pageInput = {
  per_page: z.number().int().min(1).default(20).transform((size) => Math.min(size, 100)).describe('Results per page (default 20, at most 100)'),
  page: z.number().int().min(1).max(1_000).default(1).describe('Page number, from 1'),
};

/** Whether GitLab's `x-next-page` header names another page. */
export function hasNextPage(headers: Record<string, string>): boolean {
  return Boolean(headers['x-next-page']?.trim());
}

const maxTextChars = 500;

/** A description cut for the model. */
export function excerpt(text: string | null | undefined): string {
  const value = text ?? '';
  return value.length > maxTextChars ? `${value.slice(0, maxTextChars)}…` : value;
}
