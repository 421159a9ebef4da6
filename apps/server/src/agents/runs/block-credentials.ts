import type { CredentialResolver } from '../../credentials/credential-resolver.js';
import { credentialHeaders, credentialUrl, customWebhook } from '../../integrations/custom_webhook/custom-webhook-api.js';
import type { CredentialValues } from '../../integrations/define-integration.js';
import { baseUrlOf, resolveEndpoint, restApi, restApiHeaders } from '../../integrations/rest_api/rest-api-api.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AgentWebhookSecrets } from '../triggers/webhook-signature.js';

/** What workflow blocks need of the credentials domain (user-scoped: another user's id is simply not found). */
export interface BlockCredentialsDeps {
  /** The integration of each of the user's credentials, by credential id. */
  credentialIntegrations(userId: string): Promise<Map<string, string>>;
  /** The credentials domain's resolver (decrypts one of the user's credentials of an integration). */
  credentialsFor: CredentialResolver;
  /** The running agent's webhook signing secret (`secretRef: "agent"` on webhook blocks). */
  agentWebhookSecret: AgentWebhookSecrets;
}

/** An error the engine records on the block: a code, never transient, and a message without any secret. */
export function blockError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, isTransient: false });
}

/** The `secretRef` of a webhook block that names the running agent's own webhook secret. */
export const agentSecretRef = 'agent';

/** The smallest value worth redacting: shorter ones would blank unrelated text. */
const minSecretLength = 4;

/** Replaces every occurrence of the secrets in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) if (secret.length >= minSecretLength) redacted = redacted.split(secret).join('[redacted]');
  return redacted;
}

/** The sensitive values of a credential and the header values made from them (a response might echo either). */
function secretsOf(values: CredentialValues, headers: Record<string, string>, publicHeaders: Record<string, string>): string[] {
  const secrets = new Set<string>();
  const authValue = values.auth_value?.trim();
  if (authValue) {
    secrets.add(authValue);
    // `user:password` (basic) and `Header: value` (custom webhook header auth): the part after the colon too.
    const afterColon = authValue.slice(authValue.indexOf(':') + 1).trim();
    if (authValue.includes(':') && afterColon) secrets.add(afterColon);
  }
  for (const [name, value] of Object.entries(headers)) if (publicHeaders[name] !== value) secrets.add(value);
  return [...secrets].sort((left, right) => right.length - left.length);
}

/** `url` under `base`: a path is resolved under it, a full URL must already be under it. @throws AppError */
function urlUnder(base: URL, url: string, credentialName: string): URL {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url.trim())) return resolveEndpoint(base, url);
  const target = new URL(url.trim());
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
    throw blockError('CREDENTIAL_URL_MISMATCH', `The ${credentialName} credential may only be sent under ${base.origin}${base.pathname}; use a path or a URL under it.`);
  }
  return target;
}

/** What a credential adds to an http_request block's request. */
export interface AppliedCredential {
  url: string;
  headers: Record<string, string>;
  /** Values to redact from the response and errors. */
  secrets: string[];
}

async function openCredential(deps: BlockCredentialsDeps, userId: string, credentialId: string): Promise<{ integration: string; values: CredentialValues }> {
  const integration = (await deps.credentialIntegrations(userId)).get(credentialId);
  // The same answer for another user's credential and one that does not exist.
  if (integration === undefined) throw blockError('CREDENTIAL_NOT_FOUND', 'The credential chosen on this block is not one of your credentials; pick another in the block\'s settings.');
  try {
    return { integration, values: await deps.credentialsFor(userId, { [integration]: credentialId })(integration) };
  } catch (error) {
    if (error instanceof AppError) throw blockError('CREDENTIAL_UNUSABLE', error.message);
    throw error;
  }
}

/**
 * Applies a credential to an http_request block's request, by its type: a REST API credential (base URL +
 * bearer / basic / API-key header auth + headers) only for URLs under its base URL (a path is resolved under it);
 * a Custom Webhook credential (auth + headers) only for URLs on its webhook's origin. The credential's headers
 * replace the block's headers of the same name. Other types are refused: their secrets belong to their tools.
 * @throws an engine-facing error (never containing the secret)
 */
export async function applyHttpCredential(deps: BlockCredentialsDeps, request: { userId: string; credentialId: string; url: string; headers: Record<string, string> }): Promise<AppliedCredential> {
  const { integration, values } = await openCredential(deps, request.userId, request.credentialId);
  let url: URL;
  let credentialHeadersOf: Record<string, string>;
  let publicHeaders: Record<string, string>;
  try {
    if (integration === restApi.id) {
      url = urlUnder(baseUrlOf(values), request.url, restApi.name);
      credentialHeadersOf = restApiHeaders(values);
      publicHeaders = restApiHeaders({ ...values, auth_type: 'none' });
    } else if (integration === customWebhook.id) {
      const hook = credentialUrl(values);
      url = new URL(request.url.trim(), hook);
      if (url.origin !== hook.origin) throw blockError('CREDENTIAL_URL_MISMATCH', `The ${customWebhook.name} credential may only be sent to ${hook.origin}.`);
      credentialHeadersOf = credentialHeaders(values);
      publicHeaders = credentialHeaders({ ...values, auth_type: 'none' });
    } else {
      throw blockError('CREDENTIAL_TYPE_UNSUPPORTED', `A ${integration} credential cannot be used on an HTTP request block; use a REST API or Custom Webhook credential (bearer, basic or API-key header).`);
    }
  } catch (error) {
    if (error instanceof AppError) throw blockError('CREDENTIAL_INVALID', error.message);
    throw error;
  }
  const secrets = secretsOf(values, credentialHeadersOf, publicHeaders);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (credentialHeadersOf[name.toLowerCase()] === undefined) headers[name] = value;
  return { url: url.toString(), headers: { ...headers, ...credentialHeadersOf }, secrets };
}

/**
 * The secret a webhook block's `secretRef` names: `agent` → the running agent's webhook signing secret; else a
 * credential id of the user → its `signing_secret`, `secret` or `auth_value` field.
 * @throws an engine-facing error
 */
export async function resolveSigningSecret(deps: BlockCredentialsDeps, request: { userId: string; agentId: string | undefined; secretRef: string }): Promise<string> {
  if (request.secretRef === agentSecretRef) {
    const secret = request.agentId === undefined ? null : await deps.agentWebhookSecret(request.userId, request.agentId);
    if (!secret) throw blockError('SECRET_NOT_FOUND', 'This agent has no signed webhook: create one (signed) in the agent\'s settings, or sign with a credential.');
    return secret;
  }
  const { values } = await openCredential(deps, request.userId, request.secretRef);
  const secret = values.signing_secret ?? values.secret ?? values.auth_value;
  if (!secret?.trim()) throw blockError('SECRET_NOT_FOUND', 'The credential chosen to sign this webhook has no secret (auth value) to sign with.');
  return secret.trim();
}
