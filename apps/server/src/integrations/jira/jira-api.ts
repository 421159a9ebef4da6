import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest, type ServiceResponse } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential, requireValues } from '../require-credential.js';

/** The Jira integration as messages name it. */
export const jiraOwner = { id: 'jira', name: 'Jira' } as const;

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The host of a domain value: `acme.atlassian.net`, also accepted with `https://` and a trailing slash. */
function hostOf(value: string): string {
  return value.trim().toLowerCase().replace(/^https:\/\//, '').replace(/\/+$/, '');
}

/**
 * Why a Jira domain is not usable, or null: a host name (`acme.atlassian.net`, or the host of a Jira reached
 * another way), not a URL with a path, port or credentials, nor an IP address.
 */
export function jiraDomainProblem(value: string): string | null {
  const host = hostOf(value);
  const labels = host.split('.');
  const isHostName = labels.length >= 2 && labels.every((label) => hostLabel.test(label)) && !/^\d+$/.test(labels.at(-1)!);
  return isHostName ? null : 'Give your Jira site\'s host name, e.g. acme.atlassian.net';
}

export interface JiraAuth {
  /** `https://acme.atlassian.net` */
  siteUrl: string;
  /** `Basic base64(email:api_token)` */
  authorization: string;
}

/** The site and Basic authorization of a credential. @throws ValidationError for a missing field or a bad domain */
export function jiraAuthOf(values: CredentialValues): JiraAuth {
  const checked = requireValues(values, jiraOwner, ['email', 'api_token', 'domain']);
  const problem = jiraDomainProblem(checked.domain!);
  if (problem) throw new ValidationError(`The Jira credential's domain is not usable: ${problem}.`);
  const basic = Buffer.from(`${checked.email!.trim()}:${checked.api_token!.trim()}`).toString('base64');
  return { siteUrl: `https://${hostOf(checked.domain!)}`, authorization: `Basic ${basic}` };
}

/** The caller's Jira site and authorization. */
export async function jiraAuth(context: ToolContext): Promise<JiraAuth> {
  return jiraAuthOf(await requireCredential(context, jiraOwner, ['email', 'api_token', 'domain']));
}

/** Calls Jira Cloud's REST API v3 on the site with Basic authentication (email and API token). */
export async function jiraRequest<Data>(
  context: ServiceContext,
  auth: JiraAuth,
  request: Omit<ServiceRequest, 'service' | 'headers' | 'url'> & { path: string },
): Promise<ServiceResponse<Data>> {
  const { path, ...rest } = request;
  return callService<Data>(context, { ...rest, service: 'Jira', url: `${auth.siteUrl}/rest/api/3${path}`, headers: { authorization: auth.authorization } });
}

/** An issue key (PROJ-123) or numeric id. */
export const issueKeyInput = z.string().regex(/^([A-Za-z][A-Za-z0-9_]*-\d+|\d+)$/, 'An issue key looks like PROJ-123').describe('The issue key, e.g. PROJ-123');

/** A project key (PROJ). */
export const projectKeyInput = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,19}$/, 'A project key looks like PROJ').describe('The project key, e.g. PROJ');

/**
 * Plain text as an Atlassian Document Format document, which API v3 requires for descriptions: blank lines
 * separate paragraphs, single line breaks become hard breaks.
 */
export function textToAdf(text: string): Record<string, unknown> {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    }));
  return { type: 'doc', version: 1, content: paragraphs };
}
