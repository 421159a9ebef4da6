import { z } from 'zod';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The Calendly integration as messages name it. */
export const calendlyOwner = { id: 'calendly', name: 'Calendly' } as const;

/** Calendly's API v2 (https://developer.calendly.com/api-docs). */
export const calendlyApiBase = 'https://api.calendly.com';

/** Page size (Calendly's `count`, at most 100) and the token of the next page, shared by the list tools. */
export const pageInput = {
  count: z.number().int().min(1).default(20).transform((count) => Math.min(count, 100)).describe('How many to return (default 20, at most 100)'),
  page_token: z.string().max(500).optional().describe('next_page_token of a previous answer, to read the next page'),
};

/** A Calendly list answer. */
export interface CalendlyPage<Item> {
  collection: Item[];
  pagination?: { count?: number; next_page_token?: string | null };
}

/** The caller's Calendly personal access token. */
export async function calendlyToken(context: ToolContext): Promise<string> {
  return (await requireCredential(context, calendlyOwner, ['api_key'])).api_key!.trim();
}

/** Calls Calendly with the personal access token (Bearer). */
export async function calendlyRequest<Data>(context: ServiceContext, token: string, request: Omit<ServiceRequest, 'service' | 'headers'>): Promise<Data> {
  const response = await callService<Data>(context, { ...request, service: 'Calendly', headers: { authorization: `Bearer ${token}` } });
  return response.data;
}

export interface CalendlyUser {
  uri: string;
  name?: string;
  email?: string;
  scheduling_url?: string;
  timezone?: string;
  current_organization?: string;
}

/** The token's user (GET /users/me); its `uri` is the `user` filter of Calendly's list endpoints. */
export async function calendlyCurrentUser(context: ServiceContext, token: string): Promise<CalendlyUser> {
  return (await calendlyRequest<{ resource: CalendlyUser }>(context, token, { url: `${calendlyApiBase}/users/me` })).resource;
}

/** The id at the end of a Calendly resource URI (`…/scheduled_events/ABC123`). */
export function uuidOf(uri: string | undefined): string | null {
  return uri ? (uri.split('/').at(-1) ?? null) : null;
}
