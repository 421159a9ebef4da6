import { sessionResponseSchema, type LoginBody, type SessionResponse } from '@claraverse/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useSessionStore } from '../../../stores/session-store';

/** POST /api/auth/login: 200 with a session, or 401 invalid_credentials, 403 account_pending/disabled, 429. */
export function login(body: LoginBody): Promise<SessionResponse> {
  return apiClient.request('/api/auth/login', {
    method: 'POST',
    body,
    schema: sessionResponseSchema,
    isAnonymous: true,
  });
}

/** Signs in and stores the session. */
export function useLogin() {
  const setSession = useSessionStore((state) => state.setSession);
  return useMutation({ mutationFn: login, onSuccess: setSession });
}
