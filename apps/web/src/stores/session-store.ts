import { userSchema, type SessionResponse, type TokenPair, type User } from '@claraverse/shared';
import { z } from 'zod';
import { create } from 'zustand';

/** localStorage key holding the session, so that a reload keeps the user signed in. */
export const sessionStorageKey = 'claraverse.session';

const storedSessionSchema = z.object({
  user: userSchema,
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  /** Epoch milliseconds after which the access token is no longer accepted. */
  accessTokenExpiresAt: z.number(),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

export interface SessionState {
  user: User | null;
  accessToken: string | null;
  refreshToken: string | null;
  /** Epoch milliseconds; null when signed out. */
  accessTokenExpiresAt: number | null;
  /** Stores a full session from sign-in or registration. */
  setSession: (session: SessionResponse) => void;
  /** Replaces the tokens (refresh, password change) and keeps the user. */
  setTokens: (tokens: TokenPair) => void;
  setUser: (user: User) => void;
  /**
   * Forgets the session. `expired` means it ended without the user asking (refresh refused): the sign-in page
   * then says so and returns the user to where they were; `signed-out` sends them to the start page.
   */
  clear: (reason?: SessionEndReason) => void;
  /** Why the last session ended; null while signed in or before any session. Not persisted. */
  endReason: SessionEndReason | null;
}

export type SessionEndReason = 'signed-out' | 'expired';

function readStoredSession(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(sessionStorageKey);
    if (!raw) return null;
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeStoredSession(state: SessionState): void {
  try {
    if (state.user && state.accessToken && state.accessTokenExpiresAt !== null) {
      const stored: StoredSession = {
        user: state.user,
        accessToken: state.accessToken,
        refreshToken: state.refreshToken,
        accessTokenExpiresAt: state.accessTokenExpiresAt,
      };
      globalThis.localStorage?.setItem(sessionStorageKey, JSON.stringify(stored));
    } else {
      globalThis.localStorage?.removeItem(sessionStorageKey);
    }
  } catch {
    // Storage can be full or blocked (private mode); the session then lives in memory only.
  }
}

const expiresAtFrom = (expiresInSeconds: number) => Date.now() + expiresInSeconds * 1000;

const signedOut = { user: null, accessToken: null, refreshToken: null, accessTokenExpiresAt: null };

/** The signed-in user and their tokens. Persisted to localStorage on every change. */
export const useSessionStore = create<SessionState>()((set) => ({
  ...signedOut,
  endReason: null,
  ...readStoredSession(),
  setSession: (session) =>
    set({
      user: session.user,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      accessTokenExpiresAt: expiresAtFrom(session.expiresIn),
      endReason: null,
    }),
  setTokens: (tokens) =>
    set({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenExpiresAt: expiresAtFrom(tokens.expiresIn),
    }),
  setUser: (user) => set({ user }),
  clear: (reason = 'signed-out') => set({ ...signedOut, endReason: reason }),
}));

useSessionStore.subscribe(writeStoredSession);

/** Re-reads the stored session (another tab signed in or out). */
export function reloadSessionFromStorage(): void {
  useSessionStore.setState({ ...signedOut, ...readStoredSession() });
}
