/**
 * Query keys of this feature. `credentials` prefixes nothing else, so one invalidation refreshes the list; the
 * available tools depend on the credentials (a tool is offered once its integration has one), so saving or
 * deleting a credential invalidates both.
 */
export const credentialsQueryKeys = {
  credentials: ['credentials'] as const,
  integrations: ['integrations'] as const,
  availableTools: ['tools', 'available'] as const,
};

export const credentialsPath = '/api/credentials';

export function credentialPath(credentialId: string): string {
  return `${credentialsPath}/${encodeURIComponent(credentialId)}`;
}
