/** The typed, frozen configuration every part of the server receives. Built only by `load-config.ts`. */
export interface Config {
  /** `development`, `test` or `production`. */
  env: 'development' | 'test' | 'production';
  /** Version of the server package (shown by /health). */
  version: string;
  http: {
    host: string;
    /** TCP port; 0 picks a free one (tests). */
    port: number;
    /** Largest request body, bytes. */
    bodyLimitBytes: number;
    trustProxy: boolean;
    /** Origins allowed by CORS besides the server's own. */
    allowedOrigins: string[];
    /** Milliseconds allowed for a graceful shutdown. */
    shutdownTimeoutMs: number;
  };
  database:
    | { dialect: 'sqlite'; sqlitePath: string }
    | { dialect: 'postgres'; url: string; poolSize: number; schema?: string };
  redis: { url: string } | null;
  auth: {
    jwtSecret: string;
    /** Access-token lifetime, seconds. */
    accessTokenTtlSeconds: number;
    /** Refresh-token lifetime, seconds. */
    refreshTokenTtlSeconds: number;
    /** Failed sign-ins allowed per account and window before 429. */
    maxLoginFailures: number;
    /** Window of the failure count, seconds. */
    loginFailureWindowSeconds: number;
    /** Argon2id cost. Production values: t=3, 64 MiB, p=4. */
    passwordHash: { timeCost: number; memoryKiB: number; parallelism: number };
  };
  crypto: {
    /** 32-byte master key for encryption at rest. */
    masterKey: Buffer;
    /** Earlier 32-byte master keys: they only open what they sealed (until re-encrypted). Default none. */
    previousMasterKeys: readonly Buffer[];
  };
  limits: {
    /** Tier limits and per-API-key request limits are enforced (LIMITS_ENABLED). Default true. */
    enabled: boolean;
  };
  rateLimit: {
    enabled: boolean;
    /** Requests per minute per IP over the API. */
    globalPerMinute: number;
    /** Requests per minute per IP on sign-in, register, refresh. */
    authPerMinute: number;
    /** New WebSocket connections per minute per IP. */
    websocketConnectsPerMinute: number;
  };
  realtime: {
    /** Largest WebSocket message, bytes. */
    maxMessageBytes: number;
    /** Milliseconds a client has to send its auth message. */
    authTimeoutMs: number;
    /** Milliseconds between server pings. */
    heartbeatIntervalMs: number;
    /** Bytes a socket may have queued before it is closed as too slow. */
    maxQueuedBytes: number;
  };
  chat: {
    /** Replies one user may have running at once. */
    maxConcurrentRepliesPerUser: number;
    /** Milliseconds a finished reply stays resumable. */
    resumeTtlMs: number;
    /** Bytes of one reply kept for resume. */
    resumeMaxBytes: number;
  };
  providers: {
    /** providers.json imported on first start, if any. */
    providersFile: string | null;
    /** Seconds between model-list refreshes. */
    modelRefreshIntervalSeconds: number;
  };
  outbound: {
    /** Hosts and CIDRs allowed even when private/loopback (the admin setting adds more at run time). */
    allowlist: string[];
    timeoutMs: number;
    maxBytes: number;
  };
  tools: {
    /** SearXNG base URLs, tried round-robin with failover. */
    searxngUrls: string[];
    /** Tool-call rounds per reply. */
    maxSteps: number;
    /** Milliseconds one tool call may run. */
    timeoutMs: number;
    /** Chromium for html_to_pdf, create_document, create_presentation. */
    chromiumPath: string;
    e2b: { apiKey: string; apiUrl: string } | null;
  };
  integrations: {
    /** Documented base URL → where it really points (self-hosted services, test doubles). */
    baseUrls: Record<string, string>;
    /** Gmail and Google Sheets through Composio; null when `COMPOSIO_API_KEY` is not set. */
    composio: { apiKey: string; apiUrl: string } | null;
  };
  files: {
    /** Uploads and generated files live under this folder. */
    dir: string;
    /** Seconds an upload is kept. */
    uploadTtlSeconds: number;
  };
  logging: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  metrics: { token: string | null };
  paths: {
    dataDir: string;
    /** Built web app served at `/`; null when it does not exist. */
    webDistDir: string;
  };
}
