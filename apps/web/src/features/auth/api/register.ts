import {
  pendingRegistrationResponseSchema,
  sessionResponseSchema,
  type RegisterBody,
  type SessionResponse,
  type User,
} from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useSessionStore } from '../../../stores/session-store';

export type RegisterResult = { kind: 'session'; session: SessionResponse } | { kind: 'pending'; user: User };

// The session shape comes first: a 201 body also matches the looser 202 `{ user }` shape.
const registerResponseSchema = z.union([sessionResponseSchema, pendingRegistrationResponseSchema]);

/**
 * POST /api/auth/register: 201 with a session (first user, or open registration), 202 `{ user }` when an admin must
 * approve, 403 registration_closed.
 */
export async function register(body: RegisterBody): Promise<RegisterResult> {
  const response = await apiClient.request('/api/auth/register', {
    method: 'POST',
    body,
    schema: registerResponseSchema,
    isAnonymous: true,
  });
  return 'accessToken' in response ? { kind: 'session', session: response } : { kind: 'pending', user: response.user };
}

/** Registers; when a session comes back it is stored and the instance status refreshed (it now has users). */
export function useRegister() {
  const setSession = useSessionStore((state) => state.setSession);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: async (result) => {
      if (result.kind === 'session') setSession(result.session);
      await queryClient.invalidateQueries({ queryKey: queryKeys.authStatus });
    },
  });
}
