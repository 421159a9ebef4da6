/** Whose providers: the instance's (admin) or the signed-in user's own (bring your own key). */
export type ProviderScope = 'admin' | 'user';

/** Base path of the providers endpoints of a scope. */
export function providersPath(scope: ProviderScope): string {
  return scope === 'admin' ? '/api/admin/providers' : '/api/user/providers';
}

export function providerPath(scope: ProviderScope, providerId: string): string {
  return `${providersPath(scope)}/${encodeURIComponent(providerId)}`;
}

export function modelPath(modelId: string): string {
  return `/api/admin/models/${encodeURIComponent(modelId)}`;
}
