import { createOutboundHttp } from '../platform/outbound-http/create-outbound-http.js';
import { ValidationError } from '../platform/errors/app-error.js';
import type { AnyToolDefinition, ToolContext, ToolOutput } from '../tools/define-tool.js';
import { createTestToolContext } from '../tools/test-support.js';
import type { CredentialValues, IntegrationTestContext } from './define-integration.js';
import { createServiceUrlMapper } from './service-url.js';

/** The SSRF-guarded client as production builds it, with only the tests' loopback allowed. */
export const loopbackHttp = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024 });

export interface IntegrationTestContextOptions {
  /** The documented base URLs the tool calls (`https://api.github.com`), each redirected to `origin`. */
  baseUrls: readonly string[];
  /** The double's `http://127.0.0.1:PORT`. */
  origin: string;
  /** The credential values the tool gets, by integration id. */
  credentials?: Readonly<Record<string, CredentialValues>>;
  overrides?: Partial<ToolContext>;
}

/**
 * A ToolContext for an integration tool's test: the real SSRF-guarded HTTP client, the documented base URLs
 * pointed at the test's double (the same map `INTEGRATION_BASE_URLS` feeds in production), and a credential
 * getter that only knows the given integrations — like the real resolver, asking for another one fails.
 */
export function createIntegrationTestContext(options: IntegrationTestContextOptions): ToolContext & { credentialRequests: string[] } {
  const credentialRequests: string[] = [];
  const serviceUrl = createServiceUrlMapper(Object.fromEntries(options.baseUrls.map((base) => [base, options.origin])));
  const context = createTestToolContext({
    http: loopbackHttp,
    serviceUrl,
    getCredential: async (integrationId) => {
      credentialRequests.push(integrationId);
      const values = options.credentials?.[integrationId];
      if (!values) throw new ValidationError(`Add a ${integrationId} credential on the Credentials page to use this tool.`);
      return values;
    },
    ...options.overrides,
  });
  return Object.assign(context, { credentialRequests });
}

/** The narrow context a credential test gets, from a tool test context. */
export function testContextOf(context: ToolContext): IntegrationTestContext {
  return { http: context.http, signal: context.signal, logger: context.logger, serviceUrl: context.serviceUrl };
}

/** Validates `args` with the tool's schema (as the registry does) and runs it. */
export async function runTool(tool: AnyToolDefinition, args: Record<string, unknown>, context: ToolContext): Promise<ToolOutput> {
  return tool.execute(tool.inputSchema.parse(args), context);
}
