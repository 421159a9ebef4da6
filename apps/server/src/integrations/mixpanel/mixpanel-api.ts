import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

/** Mixpanel's ingestion host (`/track`, `/engage`); `INTEGRATION_BASE_URLS` may point it at a double. */
export const mixpanelIngestionApi = 'https://api.mixpanel.com';
/** Mixpanel's Query API (read with the project's API secret). */
export const mixpanelQueryApi = 'https://mixpanel.com/api/query';

/** The project token of the user's Mixpanel credential. @throws ValidationError when absent */
export async function mixpanelProjectToken(context: ToolContext): Promise<string> {
  if (!context.getCredential) throw new ValidationError('Add a Mixpanel credential on the Credentials page to use this tool.');
  const token = (await context.getCredential('mixpanel')).project_token?.trim();
  if (!token) throw new ValidationError('The Mixpanel credential has no project_token; edit it on the Credentials page.');
  return token;
}

/**
 * POSTs a JSON batch to an ingestion endpoint with `verbose=1`, so Mixpanel answers `{status, error}` instead of
 * a bare `1`/`0`. @throws AppError with Mixpanel's reason when it rejects the batch (status 0)
 */
export async function mixpanelIngest(context: ServiceContext, endpoint: '/track' | '/engage', batch: unknown[]): Promise<void> {
  const { data } = await callService<{ status?: number; error?: string | null } | number>(context, {
    service: 'Mixpanel',
    method: 'POST',
    url: `${mixpanelIngestionApi}${endpoint}`,
    query: { verbose: 1 },
    headers: { accept: 'application/json' },
    json: batch,
  });
  const status = typeof data === 'number' ? data : data?.status;
  if (status !== 1) {
    const reason = typeof data === 'object' && data?.error ? `: ${data.error}` : '';
    throw new AppError('upstream_error', `Mixpanel did not accept the data${reason}.`, { service: 'Mixpanel' });
  }
}
