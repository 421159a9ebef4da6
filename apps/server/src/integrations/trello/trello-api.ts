import { z } from 'zod';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential, requireValues } from '../require-credential.js';

/** The Trello integration as messages name it. */
export const trelloOwner = { id: 'trello', name: 'Trello' } as const;

/** Trello's REST API (https://developer.atlassian.com/cloud/trello/rest/). */
export const trelloApiBase = 'https://api.trello.com/1';

/** A board, list or card id (24 hex digits) or a board/card short link (8 characters). */
export const trelloId = (what: string) =>
  z.string().regex(/^[A-Za-z0-9]{8,24}$/, `A Trello ${what} id is 24 letters and digits (or a short link of 8)`).describe(`The ${what} id`);

/** Trello lists (boards, cards) are not paged; what is shown to the model is cut here. */
export const maxListed = 100;

export interface TrelloAuth {
  key: string;
  token: string;
}

/** The API key and user token of a credential. @throws ValidationError naming a missing one */
export function trelloAuthOf(values: CredentialValues): TrelloAuth {
  const checked = requireValues(values, trelloOwner, ['api_key', 'token']);
  return { key: checked.api_key!.trim(), token: checked.token!.trim() };
}

/** The caller's Trello key and token. */
export async function trelloAuth(context: ToolContext): Promise<TrelloAuth> {
  return trelloAuthOf(await requireCredential(context, trelloOwner, ['api_key', 'token']));
}

/** Calls Trello with the key and token as query parameters, as Trello documents. */
export async function trelloRequest<Data>(
  context: ServiceContext,
  auth: TrelloAuth,
  request: Omit<ServiceRequest, 'service' | 'url'> & { path: string },
): Promise<Data> {
  const { path, query, ...rest } = request;
  const response = await callService<Data>(context, {
    ...rest,
    service: 'Trello',
    url: `${trelloApiBase}${path}`,
    query: { ...query, key: auth.key, token: auth.token },
  });
  return response.data;
}

/** The first `maxListed` items and whether some were left out. */
export function capList<Item>(items: readonly Item[]): { items: Item[]; truncated: boolean } {
  return { items: items.slice(0, maxListed), truncated: items.length > maxListed };
}
