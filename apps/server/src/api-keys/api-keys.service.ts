import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiKey, ApiKeyScope, CreateApiKeyBody } from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import { createTtlCache } from '../platform/cache/ttl-cache.js';
import type { CounterStore } from '../platform/counters/counter-store.js';
import { sha256Hex } from '../platform/crypto/tokens.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../platform/errors/app-error.js';
import type { UserRow } from '../platform/database/tables.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';

/** The owner of a presented API key, once checked. */
export interface ApiKeyCaller {
  userId: string;
  email: string;
  role: 'user' | 'admin';
  keyId: string;
  scopes: string[];
}

const defaultRateLimitPerMinute = 60;
const keyPattern = /^clv_[0-9a-f]{64}$/;
const maxActiveKeysPerUser = 50;
/**
 * How long a key row found by its hash is reused (docs/decisions/0011): revoking or deleting a key drops it at
 * once on this instance; another instance's revocation reaches this one within this time.
 */
export const apiKeyRowTtlMs = 5_000;

function present(row: ApiKeyRow): ApiKey {
  return {
    id: row.id, name: row.name, prefix: row.prefix, scopes: JSON.parse(row.scopes) as string[], rateLimitPerMinute: row.rate_limit_per_minute,
    expiresAt: row.expires_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, createdAt: row.created_at,
  };
}

/** A presented key that matches no row (not cached: only rows that exist are). */
class UnknownKey extends Error {}

/** A key row and its owner as read together (null: the account is gone). */
interface KnownKey {
  row: ApiKeyRow;
  scopes: string[];
  owner: Pick<UserRow, 'email' | 'role' | 'status'> | null;
}

/**
 * Keys found by hash, with their owners, so an authenticated request reads nothing (decision 0011). Dropped on
 * every revoke or delete (`clear`) and on every status, role or email change or deletion of an account (the users
 * repository announces those); only keys that exist are cached.
 */
function createKnownKeys(deps: { apiKeysRepository: ApiKeysRepository; usersRepository: UsersRepository; now: () => Date }) {
  const cache = createTtlCache<KnownKey>({ ttlMs: apiKeyRowTtlMs, maxEntries: 10_000, now: () => deps.now().getTime() });
  deps.usersRepository.onAccountChange(() => cache.clear());
  return {
    get: (keyHash: string) => cache.get(keyHash),
    clear: () => cache.clear(),
    load: (keyHash: string): Promise<KnownKey | undefined> =>
      cache.getOrLoad(keyHash, async () => {
        const row = await deps.apiKeysRepository.findByHash(keyHash);
        if (row === undefined) throw new UnknownKey();
        const owner = await deps.usersRepository.findById(row.user_id);
        return { row, scopes: JSON.parse(row.scopes) as string[], owner: owner === undefined ? null : { email: owner.email, role: owner.role, status: owner.status } };
      }).catch((error: unknown) => {
        if (error instanceof UnknownKey) return undefined;
        throw error;
      }),
  };
}

/** Personal API keys (`clv_` + 64 hex): created once, stored as SHA-256, scoped, rate-limited per key. */
export function createApiKeysService(deps: {
  apiKeysRepository: ApiKeysRepository;
  usersRepository: UsersRepository;
  counters: CounterStore;
  auditService: AuditService;
  now: () => Date;
  /** false (LIMITS_ENABLED=false: an instance without limits, benchmarks) skips the per-key rate limit. Default true. */
  keyLimitsEnabled?: boolean;
}) {
  const { apiKeysRepository: repository } = deps;
  const keys = createKnownKeys(deps);
  return {
    async create(userId: string, body: CreateApiKeyBody, origin: { ip: string }): Promise<{ key: ApiKey; apiKey: string }> {
      if ((await repository.countActiveOfUser(userId)) >= maxActiveKeysPerUser) {
        throw new ConflictError(`You already have ${maxActiveKeysPerUser} active keys; revoke one first`);
      }
      const apiKey = `clv_${randomBytes(32).toString('hex')}`;
      const now = deps.now();
      const row: ApiKeyRow = {
        id: randomUUID(), user_id: userId, name: body.name, prefix: apiKey.slice(0, 12), key_hash: sha256Hex(apiKey),
        scopes: JSON.stringify([...new Set(body.scopes)]), rate_limit_per_minute: body.rateLimitPerMinute ?? defaultRateLimitPerMinute,
        expires_at: body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString() : null,
        last_used_at: null, revoked_at: null, created_at: now.toISOString(),
      };
      await repository.insert(row);
      await deps.auditService.record({ actorUserId: userId, action: 'api-key.created', targetType: 'api_key', targetId: row.id, ip: origin.ip, details: { scopes: body.scopes } });
      return { key: present(row), apiKey };
    },

    list: async (userId: string): Promise<ApiKey[]> => (await repository.listOfUser(userId)).map(present),

    async revoke(userId: string, id: string, origin: { ip: string }): Promise<ApiKey> {
      const row = await repository.findOfUser(userId, id);
      if (!row) throw new NotFoundError('API key', id);
      if (!row.revoked_at) {
        row.revoked_at = deps.now().toISOString();
        await repository.update(id, { revoked_at: row.revoked_at });
        keys.clear();
        await deps.auditService.record({ actorUserId: userId, action: 'api-key.revoked', targetType: 'api_key', targetId: id, ip: origin.ip });
      }
      return present(row);
    },

    async remove(userId: string, id: string, origin: { ip: string }): Promise<void> {
      const deleted = await repository.deleteOfUser(userId, id);
      keys.clear();
      if (deleted === 0) throw new NotFoundError('API key', id);
      await deps.auditService.record({ actorUserId: userId, action: 'api-key.deleted', targetType: 'api_key', targetId: id, ip: origin.ip });
    },

    /**
     * Checks a presented key: known, not revoked or expired, owner active, has `scope` (or one of several, e.g.
     * `execute:*` or `execute:<agentId>`), within its rate limit.
     * @throws UnauthenticatedError, ForbiddenError, RateLimitedError
     */
    async authenticate(presented: string, scope: ApiKeyScope | '*' | readonly string[]): Promise<ApiKeyCaller> {
      const keyHash = keyPattern.test(presented) ? sha256Hex(presented) : undefined;
      // A cached key is checked without a promise turn: this sits before every /v1 request's upstream call.
      const known = keyHash === undefined ? undefined : (keys.get(keyHash) ?? (await keys.load(keyHash)));
      const nowIso = deps.now().toISOString();
      if (!known || known.row.revoked_at || (known.row.expires_at && known.row.expires_at <= nowIso)) throw new UnauthenticatedError('The API key is invalid, revoked or expired');
      const { row, scopes, owner: user } = known;
      if (!user || user.status !== 'active') throw new AppError('account_disabled', 'The account that owns this API key is not active');
      const wanted: readonly string[] = typeof scope === 'string' ? [scope] : scope;
      if (!scopes.includes('*') && !wanted.some((one) => scopes.includes(one))) {
        throw new ForbiddenError(`This API key lacks the "${wanted.join('" or "')}" scope`);
      }
      if (deps.keyLimitsEnabled !== false) {
        const window = await deps.counters.increment(`api-key:${row.id}`, 60);
        if (window.count > row.rate_limit_per_minute) {
          throw new RateLimitedError(`This API key is limited to ${row.rate_limit_per_minute} requests per minute`, window.resetInSeconds);
        }
      }
      if (!row.last_used_at || Date.parse(nowIso) - Date.parse(row.last_used_at) > 60_000) {
        row.last_used_at = nowIso; // the cached row too, so the next requests do not write it again
        await repository.update(row.id, { last_used_at: nowIso });
      }
      return { userId: row.user_id, email: user.email, role: user.role, keyId: row.id, scopes };
    },
  };
}
export type ApiKeysService = ReturnType<typeof createApiKeysService>;
