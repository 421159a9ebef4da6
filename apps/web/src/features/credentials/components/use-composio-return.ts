import { composioIntegrationIdSchema, type ComposioIntegrationId } from '@claraverse/shared';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCompleteComposioSetup } from '../api/connect-composio';
import { describeCredentialError } from '../lib/describe-credential-error';

const serviceNames: Record<ComposioIntegrationId, string> = { composio_gmail: 'Gmail', composio_googlesheets: 'Google Sheets' };

export type ComposioReturnNotice = { tone: 'success' | 'error' | 'info'; message: string } | null;

type ComposioReturn = { isConnected: boolean; integration: ComposioIntegrationId } | null;

/** `?connected=<id>` or `?error=<id>` as the server's callback sets them; null for anything else. */
function composioReturnOf(searchParams: URLSearchParams): ComposioReturn {
  const connected = composioIntegrationIdSchema.safeParse(searchParams.get('connected'));
  if (connected.success) return { isConnected: true, integration: connected.data };
  const failed = composioIntegrationIdSchema.safeParse(searchParams.get('error'));
  return failed.success ? { isConnected: false, integration: failed.data } : null;
}

/**
 * The browser's return from Composio's sign-in (`?connected=composio_gmail` or `?error=…`, set by the server's
 * callback): stores the credential once (complete-setup), says how it went, and takes the parameters out of the
 * URL so a reload does not repeat it.
 */
export function useComposioReturn(): ComposioReturnNotice {
  const [searchParams, setSearchParams] = useSearchParams();
  const [returned] = useState(() => composioReturnOf(searchParams));
  const completeMutation = useCompleteComposioSetup();
  const { mutate: completeSetup } = completeMutation;
  const isHandled = useRef(false);

  useEffect(() => {
    if (!returned || isHandled.current) return;
    isHandled.current = true;
    setSearchParams({}, { replace: true });
    if (returned.isConnected) completeSetup(returned.integration);
  }, [returned, completeSetup, setSearchParams]);

  if (!returned) return null;
  const service = serviceNames[returned.integration];
  if (!returned.isConnected) {
    return { tone: 'error', message: `Connecting ${service} did not finish (cancelled or refused on Composio's page). Try Connect again.` };
  }
  if (completeMutation.isSuccess) {
    return { tone: 'success', message: `${service} connected: “${completeMutation.data.name}” is saved and its tools are ready in chat.` };
  }
  if (completeMutation.isError) return { tone: 'error', message: describeCredentialError(completeMutation.error) };
  return { tone: 'info', message: `Finishing the ${service} connection…` };
}
