import {
  composioAuthorizeResponseSchema, composioCompleteSetupResponseSchema, type ComposioIntegrationId, type Credential,
} from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialsQueryKeys } from './credentials-paths';

/** The path segment of each Composio integration's authorize route. */
const authorizeSegment: Record<ComposioIntegrationId, string> = { composio_gmail: 'gmail', composio_googlesheets: 'googlesheets' };

/**
 * GET /api/integrations/composio/{gmail,googlesheets}/authorize → Composio's hosted sign-in page for this user.
 * Composio sends the browser back to the server's callback, which redirects to `/settings?tab=credentials&connected=…`.
 */
export async function authorizeComposio(integration: ComposioIntegrationId): Promise<string> {
  const response = await apiClient.request(`/api/integrations/composio/${authorizeSegment[integration]}/authorize`, { schema: composioAuthorizeResponseSchema });
  return response.redirectUrl;
}

/** Sends the browser to Composio's page; resolves only if that fails (the page is left otherwise). */
export function useConnectComposio(goTo: (url: string) => void = (url) => window.location.assign(url)) {
  return useMutation({ mutationFn: authorizeComposio, onSuccess: goTo });
}

/** POST /api/integrations/composio/complete-setup (201 `{ credential }`) once Composio reports the account active. */
export async function completeComposioSetup(integration: ComposioIntegrationId): Promise<Credential> {
  const response = await apiClient.request('/api/integrations/composio/complete-setup', {
    method: 'POST',
    body: { integration },
    schema: composioCompleteSetupResponseSchema,
  });
  return response.credential;
}

export function useCompleteComposioSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeComposioSetup,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.credentials }),
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.availableTools }),
      ]);
    },
  });
}
