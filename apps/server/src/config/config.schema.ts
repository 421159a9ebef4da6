import { z } from 'zod';
import { parseDurationSeconds } from './duration.js';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'Use true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const duration = (hint: string) =>
  z.string().transform((value, context) => {
    const seconds = parseDurationSeconds(value);
    if (seconds === null) {
      context.addIssue({ code: 'custom', message: `Use a duration such as ${hint}` });
      return z.NEVER;
    }
    return seconds;
  });

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/**
 * The environment variables ClaraVerse reads, with defaults. `load-config.ts` is the only reader of
 * `process.env`; it parses this schema and maps it into the nested `Config`.
 */
export const envSchema = z.object({
  /** `development` (default), `test` or `production`. Production refuses to start without secrets. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** TCP port of the HTTP server. Default 3001. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** Address to listen on. Default 127.0.0.1; use 0.0.0.0 to serve the local network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder for the SQLite database, generated secrets and files. Default ./data. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** `postgres://…` to use PostgreSQL; empty for SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, { message: 'Use postgres://user:pass@host:5432/db or sqlite:path' })
    .optional(),
  /** Connections in the PostgreSQL pool. Default 10. */
  DATABASE_POOL_SIZE: positiveInt(200).default(10),
  /** `redis://…` for scale-out mode (shared counters, pub/sub, queues). Empty: in-process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { message: 'Use redis://host:6379' }).optional(),
  /** HS256 signing secret, at least 32 characters (`openssl rand -hex 32`). Generated in DATA_DIR when absent outside production. */
  JWT_SECRET: z.string().min(32, { message: 'Use at least 32 characters: openssl rand -hex 32' }).optional(),
  /** Access-token lifetime. Default 15m. */
  JWT_ACCESS_TOKEN_EXPIRY: duration('15m or 900').default(900),
  /** Refresh-token lifetime. Default 7d. */
  JWT_REFRESH_TOKEN_EXPIRY: duration('7d or 168h').default(604_800),
  /** 64 hex characters (32 bytes): master key for encryption at rest (`openssl rand -hex 32`). */
  ENCRYPTION_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { message: 'Use 64 hex characters: openssl rand -hex 32' })
    .optional(),
  /**
   * Comma-separated master keys used before the current one (64 hex characters each): credentials sealed with
   * them still open until `npm run rotate-credentials` re-encrypts them with the current key. Default none.
   */
  ENCRYPTION_PREVIOUS_MASTER_KEYS: z
    .string()
    .default('')
    .refine((text) => text.split(',').map((key) => key.trim()).filter(Boolean).every((key) => /^[0-9a-fA-F]{64}$/.test(key)), {
      message: 'Use comma-separated keys of 64 hex characters each',
    }),
  /** Comma-separated origins allowed by CORS (e.g. https://claraverse.example.com). Default: same origin only. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** pino level: fatal, error, warn, info, debug, trace, silent. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted request body in bytes. Default 1048576 (1 MiB). */
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024 * 1024).default(1_048_576),
  /** `false` turns every rate limit off (benchmarks only). Default true. */
  RATE_LIMIT_ENABLED: booleanText.default(true),
  /** `false` turns tier limits (executions/day, schedules, API-key request limits) off for this instance. Default true. */
  LIMITS_ENABLED: booleanText.default(true),
  /** Requests per minute per IP on the whole API. Default 300. */
  RATE_LIMIT_GLOBAL_PER_MINUTE: positiveInt(1_000_000).default(300),
  /** Requests per minute per IP on sign-in, registration and refresh. Default 20. */
  RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(1_000_000).default(20),
  /** New WebSocket connections per minute per IP. Default 60. */
  RATE_LIMIT_WS_CONNECT_PER_MINUTE: positiveInt(1_000_000).default(60),
  /** Trust X-Forwarded-* headers from a reverse proxy. Default false. */
  TRUST_PROXY: booleanText.default(false),
  /** Largest WebSocket message in bytes. Default 2097152 (2 MiB). */
  WS_MAX_MESSAGE_BYTES: positiveInt(64 * 1024 * 1024).default(2_097_152),
  /** When set, `GET /metrics` requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Milliseconds to finish in-flight work on SIGTERM before forcing exit. Default 10000. */
  SHUTDOWN_TIMEOUT_MS: positiveInt(600_000).default(10_000),
  /** A providers.json (reference format) imported on first start when the instance has no providers. */
  PROVIDERS_FILE: z.string().min(1).optional(),
  /** Chat replies one user may have running at once. Default 3. */
  CHAT_MAX_CONCURRENT_REPLIES: positiveInt(10_000).default(3),
  /** How often enabled providers' model lists are refreshed. Default 24h. */
  MODEL_REFRESH_INTERVAL: duration('24h').default(86_400),
  /** Comma-separated hosts and CIDRs outbound requests may reach even when private (e.g. `127.0.0.1/32,searx.lan`). */
  OUTBOUND_ALLOWLIST: z.string().default(''),
  /** Milliseconds an outbound request (tools, scraping, downloads, webhooks) may take. Default 30000. */
  OUTBOUND_TIMEOUT_MS: positiveInt(600_000).default(30_000),
  /** Largest outbound response body, bytes. Default 52428800 (50 MiB). */
  OUTBOUND_MAX_BYTES: positiveInt(2 * 1024 * 1024 * 1024).default(52_428_800),
  /** Comma-separated SearXNG base URLs for search_web / search_images (round-robin with failover). */
  SEARXNG_URLS: z.string().default(''),
  /** E2B API key: when set, Python runs in E2B's cloud sandbox instead of the local one. */
  E2B_API_KEY: z.string().min(1).optional(),
  /** E2B API base URL. Default https://api.e2b.dev. */
  E2B_API_URL: z.url().default('https://api.e2b.dev'),
  /** Chromium or Chrome used to render PDFs and presentations. Default /usr/bin/chromium. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** How long uploads are kept. Default 24h. */
  UPLOAD_TTL: duration('24h').default(86_400),
  /**
   * JSON object redirecting integration base URLs, `{"https://gitlab.com":"https://git.example.org"}`: self-hosted
   * services, and the tests' local doubles. Default none.
   */
  INTEGRATION_BASE_URLS: z
    .string()
    .default('{}')
    .refine((text) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((value) => typeof value === 'string');
      } catch {
        return false;
      }
    }, 'must be a JSON object of URL → URL strings'),
  /** Composio API key: enables the Gmail and Google Sheets integrations (OAuth through Composio). */
  COMPOSIO_API_KEY: z.string().min(1).optional(),
  /** Composio API base URL. Default https://backend.composio.dev. */
  COMPOSIO_API_URL: z.url().default('https://backend.composio.dev'),
  /** Tool-call rounds one chat reply may run before it must answer. Default 10. */
  TOOL_MAX_STEPS: positiveInt(100).default(10),
  /** Seconds one tool call may run (sandboxed code has its own limit). Default 120. */
  TOOL_TIMEOUT: duration('120s').default(120),
  /** Folder of the built web app. Default: apps/web/dist of this checkout. */
  WEB_DIST_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
