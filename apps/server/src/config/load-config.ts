import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { envSchema } from './config.schema.js';
import { loadOrCreateLocalSecrets } from './local-secrets.js';

/** Thrown when the environment is invalid; its message lists every bad variable with a hint. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readServerVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return packageJson.version ?? '0.0.0';
}

/**
 * Reads and validates the environment once at boot. The only reader of `process.env` in the server.
 * @param env the variables to read (default `process.env`); tests pass their own record.
 * @throws ConfigError listing every invalid or missing variable.
 */
/** A comma-separated env value as trimmed, non-empty items. */
function splitList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  const missing: string[] = [];
  if (isProduction && !values.JWT_SECRET) missing.push('JWT_SECRET: required in production (openssl rand -hex 32)');
  if (isProduction && !values.ENCRYPTION_MASTER_KEY) {
    missing.push('ENCRYPTION_MASTER_KEY: required in production (openssl rand -hex 32)');
  }
  if (missing.length > 0) throw new ConfigError(missing);

  const dataDir = resolve(values.DATA_DIR);
  const generated =
    values.JWT_SECRET && values.ENCRYPTION_MASTER_KEY ? null : loadOrCreateLocalSecrets(dataDir);
  const databaseUrl = values.DATABASE_URL;
  const isPostgres = databaseUrl?.startsWith('postgres') ?? false;
  const allowedOrigins = splitList(values.ALLOWED_ORIGINS);
  if (values.NODE_ENV === 'development') allowedOrigins.push('http://localhost:5173', 'http://127.0.0.1:5173');

  const config: Config = {
    env: values.NODE_ENV,
    version: readServerVersion(),
    http: {
      host: values.HOST,
      port: values.PORT,
      bodyLimitBytes: values.BODY_LIMIT_BYTES,
      trustProxy: values.TRUST_PROXY,
      allowedOrigins,
      shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    },
    database:
      isPostgres && databaseUrl
        ? { dialect: 'postgres', url: databaseUrl, poolSize: values.DATABASE_POOL_SIZE }
        : {
            dialect: 'sqlite',
            sqlitePath: databaseUrl ? resolve(databaseUrl.slice('sqlite:'.length)) : resolve(dataDir, 'claraverse.db'),
          },
    redis: values.REDIS_URL ? { url: values.REDIS_URL } : null,
    auth: {
      jwtSecret: values.JWT_SECRET ?? generated?.jwtSecret ?? '',
      accessTokenTtlSeconds: values.JWT_ACCESS_TOKEN_EXPIRY,
      refreshTokenTtlSeconds: values.JWT_REFRESH_TOKEN_EXPIRY,
      maxLoginFailures: 5,
      loginFailureWindowSeconds: 15 * 60,
      passwordHash: { timeCost: 3, memoryKiB: 65_536, parallelism: 4 },
    },
    crypto: {
      masterKey: Buffer.from(values.ENCRYPTION_MASTER_KEY ?? generated?.encryptionMasterKey ?? '', 'hex'),
      previousMasterKeys: splitList(values.ENCRYPTION_PREVIOUS_MASTER_KEYS).map((key) => Buffer.from(key, 'hex')),
    },
    limits: { enabled: values.LIMITS_ENABLED },
    rateLimit: {
      enabled: values.RATE_LIMIT_ENABLED,
      globalPerMinute: values.RATE_LIMIT_GLOBAL_PER_MINUTE,
      authPerMinute: values.RATE_LIMIT_AUTH_PER_MINUTE,
      websocketConnectsPerMinute: values.RATE_LIMIT_WS_CONNECT_PER_MINUTE,
    },
    realtime: {
      maxMessageBytes: values.WS_MAX_MESSAGE_BYTES,
      authTimeoutMs: 5_000,
      heartbeatIntervalMs: 30_000,
      maxQueuedBytes: 8 * 1024 * 1024,
    },
    chat: { maxConcurrentRepliesPerUser: values.CHAT_MAX_CONCURRENT_REPLIES, resumeTtlMs: 120_000, resumeMaxBytes: 10 * 1024 * 1024 },
    providers: { providersFile: values.PROVIDERS_FILE ? resolve(values.PROVIDERS_FILE) : null, modelRefreshIntervalSeconds: values.MODEL_REFRESH_INTERVAL },
    outbound: {
      allowlist: splitList(values.OUTBOUND_ALLOWLIST),
      timeoutMs: values.OUTBOUND_TIMEOUT_MS,
      maxBytes: values.OUTBOUND_MAX_BYTES,
    },
    tools: {
      searxngUrls: splitList(values.SEARXNG_URLS).map((url) => url.replace(/\/+$/, '')),
      maxSteps: values.TOOL_MAX_STEPS,
      timeoutMs: values.TOOL_TIMEOUT * 1000,
      chromiumPath: values.CHROMIUM_PATH,
      e2b: values.E2B_API_KEY ? { apiKey: values.E2B_API_KEY, apiUrl: values.E2B_API_URL.replace(/\/+$/, '') } : null,
    },
    integrations: {
      baseUrls: JSON.parse(values.INTEGRATION_BASE_URLS) as Record<string, string>,
      composio: values.COMPOSIO_API_KEY ? { apiKey: values.COMPOSIO_API_KEY, apiUrl: values.COMPOSIO_API_URL.replace(/\/+$/, '') } : null,
    },
    files: { dir: resolve(dataDir, 'files'), uploadTtlSeconds: values.UPLOAD_TTL },
    logging: { level: values.LOG_LEVEL },
    metrics: { token: values.METRICS_TOKEN ?? null },
    paths: {
      dataDir,
      webDistDir: values.WEB_DIST_DIR
        ? resolve(values.WEB_DIST_DIR)
        : fileURLToPath(new URL('../../../web/dist', import.meta.url)),
    },
  };
  return Object.freeze(config);
}
