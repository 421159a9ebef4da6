/** A request as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/api/admin/users?page=1`. */
  url: string;
  path: string;
  query: URLSearchParams;
  /** Values of the `:name` segments of the matched route. */
  params: Record<string, string>;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A JSON response. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An error response in the shared `apiErrorSchema` shape. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: { details?: unknown; headers?: Record<string, string> } = {},
): Response {
  return jsonResponse(
    { error: { code, message, requestId: 'request-1', ...(options.details ? { details: options.details } : {}) } },
    status,
    options.headers,
  );
}

/** Matches `METHOD /path` against a route key such as `PATCH /api/admin/users/:id`; returns its params or null. */
function matchRoute(routeKey: string, method: string, path: string): Record<string, string> | null {
  const [routeMethod, routePath = ''] = routeKey.split(' ');
  if (routeMethod !== method) return null;
  const routeSegments = routePath.split('/');
  const pathSegments = path.split('/');
  if (routeSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of routeSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

/**
 * A tiny in-memory server for `fetch`: handlers are keyed by `METHOD /path` (`:name` segments allowed, no query
 * string), every request is recorded, and an unknown route answers 404 so that a test fails loudly.
 */
export function createFakeFetch(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const rawBody = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      query: url.searchParams,
      params: {},
      headers: new Headers(init.headers),
      body: rawBody === undefined ? undefined : (JSON.parse(rawBody) as unknown),
      credentials: init.credentials,
    };
    requests.push(request);
    for (const [routeKey, handler] of Object.entries(handlers)) {
      const params = matchRoute(routeKey, request.method, request.path);
      if (params) return handler({ ...request, params });
    }
    return errorResponse(404, 'not_found', `No fake handler for ${request.method} ${request.path}`);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Requests sent to one `METHOD /path`. */
    requestsTo: (route: string) => requests.filter((request) => `${request.method} ${request.path}` === route),
  };
}
