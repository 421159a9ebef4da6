/**
 * Query keys used by more than one feature. Features never import each other, so keys they share live here.
 */
export const queryKeys = {
  authStatus: ['auth-status'] as const,
  currentUser: ['current-user'] as const,
  preferences: ['user-preferences'] as const,
  adminUsers: ['admin', 'users'] as const,
  instanceSettings: ['admin', 'instance-settings'] as const,
  /** Models the signed-in user may chat with; admin and BYOK changes invalidate it. */
  userModels: ['models'] as const,
  providers: (scope: 'admin' | 'user') => [scope, 'providers'] as const,
  adminModels: ['admin', 'models'] as const,
  /** The signed-in user's personal API keys (the deploy panel lists those that may run its agent). */
  apiKeys: ['api-keys'] as const,
};
