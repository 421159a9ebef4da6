import { tokenPairSchema, type ChangePasswordBody, type TokenPair } from '@claraverse/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useSessionStore } from '../../../stores/session-store';

/** POST /api/auth/password → new tokens; every other session of the user is revoked. */
export function changePassword(body: ChangePasswordBody): Promise<TokenPair> {
  return apiClient.request('/api/auth/password', { method: 'POST', body, schema: tokenPairSchema });
}

/** Changes the password and keeps this session alive with the tokens that come back. */
export function useChangePassword() {
  const setTokens = useSessionStore((state) => state.setTokens);
  return useMutation({ mutationFn: changePassword, onSuccess: setTokens });
}
