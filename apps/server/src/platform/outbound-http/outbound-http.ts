/**
 * The port of the one SSRF-guarded HTTP client (implemented by `create-outbound-http.ts`). Tools receive it
 * as `ToolContext.http`; `tools/tool-ports.ts` re-exports these types.
 */

export interface OutboundRequestOptions {
  /** Default GET. */
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Overrides the configured timeout (whole request, milliseconds). */
  timeoutMs?: number;
  /** Overrides the configured response size cap, bytes; larger bodies fail with `response_too_large`. */
  maxBytes?: number;
  /** Redirects followed (each re-checked by the guard). Default 5; 0 returns the 3xx as is. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The final URL after redirects. */
  url: string;
  body: Buffer;
  text(): string;
  /** @throws when the body is not JSON */
  json(): unknown;
}

/**
 * The one HTTP client for tools, scraping, downloads, webhooks and MCP over HTTP. Refuses private, loopback,
 * link-local, CGNAT and metadata addresses (checked on the resolved address; the connection goes to that
 * address) unless allow-listed. Errors are `AppError`s: `outbound_blocked`, `outbound_timeout`,
 * `response_too_large`, `upstream_unavailable` (DNS, refused, TLS, too many redirects); a caller's abort
 * rejects with the signal's reason.
 */
export interface OutboundHttp {
  request(url: string, options?: OutboundRequestOptions): Promise<OutboundResponse>;
  /**
   * Resolves a host the caller will open a raw TCP connection to (a database driver: MongoDB, Redis) and checks
   * every address with the same guard and allow-list; connect only to the addresses returned.
   * @throws AppError `outbound_blocked`, `upstream_unavailable` (DNS). Absent on clients that cannot check.
   */
  checkHost?(hostname: string, port: number): Promise<Array<{ address: string; family: number }>>;
}
