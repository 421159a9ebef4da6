import { AppError } from '../../platform/errors/app-error.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';

export const zoom = { id: 'zoom', name: 'Zoom' } as const;
export const zoomRequiredFields = ['account_id', 'client_id', 'client_secret'] as const;

const apiBase = 'https://api.zoom.us/v2';

/**
 * A server-to-server OAuth access token (`POST https://zoom.us/oauth/token?grant_type=account_credentials&
 * account_id=…`, Basic client_id:client_secret). Fetched per call: tokens last an hour and are not kept, so no
 * user's token can outlive their credential.
 * @throws AppError naming the three fields when Zoom refuses them
 */
export async function zoomAccessToken(context: ServiceContext, values: CredentialValues): Promise<string> {
  const basic = Buffer.from(`${values.client_id!.trim()}:${values.client_secret!.trim()}`).toString('base64');
  try {
    const { data } = await callService<{ access_token?: string }>(context, {
      service: 'Zoom',
      method: 'POST',
      url: 'https://zoom.us/oauth/token',
      query: { grant_type: 'account_credentials', account_id: values.account_id!.trim() },
      headers: { authorization: `Basic ${basic}` },
    });
    if (!data?.access_token) throw new AppError('upstream_error', 'Zoom gave no access token.');
    return data.access_token;
  } catch (error) {
    const status = error instanceof AppError ? (error.details as { status?: number } | undefined)?.status : undefined;
    if (status === 400 || status === 401 || status === 403) {
      const said = (error as AppError & { details: { serviceMessage?: string } }).details.serviceMessage;
      throw new AppError('upstream_error', `Zoom refused the app credentials (account_id, client_id, client_secret)${said ? `: ${said}` : ''}. Check them on the Credentials page.`, {
        service: 'Zoom',
        status,
      });
    }
    throw error;
  }
}

/** Calls `https://api.zoom.us/v2<path>` with the bearer token. */
export async function zoomApi<Data>(context: ServiceContext, token: string, request: Omit<ServiceRequest, 'service' | 'url' | 'headers'> & { path: string }): Promise<Data> {
  const { path, ...rest } = request;
  const { data } = await callService<Data>(context, { service: 'Zoom', url: `${apiBase}${path}`, headers: { authorization: `Bearer ${token}` }, ...rest });
  return data;
}
