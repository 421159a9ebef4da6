import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

/** Netlify's API host; `INTEGRATION_BASE_URLS` may point it at a double. */
export const netlifyOrigin = 'https://api.netlify.com';
const netlifyApi = `${netlifyOrigin}/api/v1`;

/** The personal access token of the user's Netlify credential. @throws ValidationError when absent */
export async function netlifyToken(context: ToolContext): Promise<string> {
  if (!context.getCredential) throw new ValidationError('Add a Netlify credential on the Credentials page to use this tool.');
  const token = (await context.getCredential('netlify')).access_token?.trim();
  if (!token) throw new ValidationError('The Netlify credential has no access_token; edit it on the Credentials page.');
  return token;
}

/** Calls Netlify's REST API with the Bearer token. */
export function netlifyCall<Data>(context: ServiceContext, token: string, request: { method?: string; path: string; query?: Record<string, string | number | undefined>; json?: unknown }) {
  return callService<Data>(context, {
    service: 'Netlify',
    method: request.method ?? 'GET',
    url: `${netlifyApi}${request.path}`,
    query: request.query,
    headers: { authorization: `Bearer ${token}` },
    json: request.json,
  });
}

/** A site id or name as a path segment (Netlify accepts either, and `<name>.netlify.app`). */
export function siteSegment(siteId: string): string {
  return encodeURIComponent(siteId.trim());
}
