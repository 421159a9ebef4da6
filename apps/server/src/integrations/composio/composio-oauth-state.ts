import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { composioIntegrationIds, type ComposioIntegrationId } from '@claraverse/shared';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { CounterStore } from '../../platform/counters/counter-store.js';

/** What the state of one Composio connection carries through the browser's round trip. */
export interface ComposioOAuthState {
  userId: string;
  integration: ComposioIntegrationId;
  /** Where the browser goes back to (an allowed origin, checked again at the callback). */
  returnOrigin: string;
}

export interface ComposioOAuthStates {
  /** A signed, single-use token for one connection attempt, valid `ttlSeconds`. */
  issue(state: ComposioOAuthState): string;
  /**
   * Checks the signature and the expiry, and marks the token used (in the shared counter store, so a second
   * instance refuses a replay too). @throws ValidationError for a forged, expired or already used token
   */
  consume(token: string): Promise<ComposioOAuthState>;
}

interface SignedPayload {
  u: string;
  i: string;
  o: string;
  /** Random id, the single-use key. */
  n: string;
  /** Expiry, ms since the epoch. */
  e: number;
}

const refused = () => new ValidationError('This connection link is not valid or was already used; start connecting again from the Credentials page.');

/**
 * CSRF state for the Composio OAuth round trip: `<payload>.<HMAC-SHA256>` in base64url, keyed by a key derived
 * (HKDF) from the master key for this purpose only, bound to the user, the integration and the return origin,
 * short-lived and usable once.
 */
export function createComposioOAuthStates(deps: { masterKey: Buffer; counters: CounterStore; now: () => Date; ttlSeconds?: number }): ComposioOAuthStates {
  const key = Buffer.from(hkdfSync('sha256', deps.masterKey, Buffer.alloc(0), Buffer.from('claraverse-composio-oauth-state-v1'), 32));
  const ttlSeconds = deps.ttlSeconds ?? 600;
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();

  return {
    issue(state) {
      const payload: SignedPayload = {
        u: state.userId, i: state.integration, o: state.returnOrigin, n: randomBytes(16).toString('base64url'), e: deps.now().getTime() + ttlSeconds * 1000,
      };
      const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${encoded}.${sign(encoded).toString('base64url')}`;
    },

    async consume(token) {
      const [encoded, signature, extra] = token.split('.');
      if (!encoded || !signature || extra !== undefined) throw refused();
      const expected = sign(encoded);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
      let payload: SignedPayload;
      try {
        payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as SignedPayload;
      } catch {
        throw refused();
      }
      if (typeof payload.e !== 'number' || payload.e <= deps.now().getTime()) throw refused();
      if (!(composioIntegrationIds as readonly string[]).includes(payload.i) || typeof payload.u !== 'string' || typeof payload.o !== 'string') throw refused();
      const uses = await deps.counters.increment(`composio-oauth-state:${payload.n}`, ttlSeconds + 60);
      if (uses.count !== 1) throw refused();
      return { userId: payload.u, integration: payload.i as ComposioIntegrationId, returnOrigin: payload.o };
    },
  };
}
