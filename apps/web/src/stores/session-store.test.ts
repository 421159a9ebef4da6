import { describe, expect, it, vi } from 'vitest';
import { buildSession } from '../test/build-user';
import { reloadSessionFromStorage, sessionStorageKey, useSessionStore } from './session-store';

describe('useSessionStore', () => {
  it('keeps the session in localStorage so that a reload stays signed in', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    useSessionStore.getState().setSession(buildSession({ expiresIn: 900 }));

    const stored = JSON.parse(localStorage.getItem(sessionStorageKey) ?? 'null') as Record<string, unknown>;
    expect(stored).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: 1_900_000 });

    // A reload: memory is empty, storage still holds what was written.
    const written = localStorage.getItem(sessionStorageKey) ?? '';
    useSessionStore.getState().clear();
    expect(useSessionStore.getState().accessToken).toBeNull();
    localStorage.setItem(sessionStorageKey, written);
    reloadSessionFromStorage();
    expect(useSessionStore.getState()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(useSessionStore.getState().user?.email).toBe('ada@example.com');
  });

  it('replaces the tokens but keeps the user on refresh', () => {
    useSessionStore.getState().setSession(buildSession());
    useSessionStore.getState().setTokens({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 60 });
    expect(useSessionStore.getState()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(useSessionStore.getState().user?.id).toBe('user-1');
  });

  it('removes the stored session on clear', () => {
    useSessionStore.getState().setSession(buildSession());
    useSessionStore.getState().clear();
    expect(localStorage.getItem(sessionStorageKey)).toBeNull();
    expect(useSessionStore.getState().user).toBeNull();
  });
});
