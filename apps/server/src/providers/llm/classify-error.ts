import { APICallError } from 'ai';
import { LlmError } from './llm-client.js';
import { parseRetryAfterMs } from './retry.js';

/**
 * Turns whatever a provider call threw (AI SDK `APICallError`, a fetch `TypeError`, an HTTP status from model
 * listing) into an `LlmError` whose message a user can read. Messages never contain the API key or the request
 * body; the provider's own error text is included only for plain invalid requests, with the key redacted.
 */

/** A classified failure plus the delay the provider asked for (`Retry-After`), in milliseconds. */
export interface ClassifiedFailure {
  error: LlmError;
  retryAfterMs?: number;
}

/** What was being done, so a 404 can mean "unknown model" (chat) or "wrong base URL" (listing). */
export type LlmOperation = 'chat' | 'list-models';

/** An HTTP failure seen outside the AI SDK (model listing). */
export interface HttpFailure {
  status: number;
  /** The provider's error message, if its body had one (may be shown, redacted, for plain invalid requests). */
  providerMessage: string;
  /** The raw response body, only searched for known phrases (context length, tools), never shown. */
  responseBody?: string;
  headers: Headers | Record<string, string | undefined> | undefined;
}

const contextPatterns = /context_length_exceeded|maximum context length|prompt is too long|context window|too many tokens|input is too long|exceeds the context/i;
const toolsPatterns = /tools? (is |are )?not supported|does not support tools|(function|tool)[ _-]?call(ing|s)? (is )?not (supported|enabled)|tool use is not supported|tool choice requires|roles must alternate/i;
const quotaPatterns = /insufficient_quota|exceeded your current quota|credit balance is too low/i;
// Google reports a bad key as 400 INVALID_ARGUMENT with reason API_KEY_INVALID.
const invalidKeyPatterns = /API_KEY_INVALID|API key not valid/;
const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED']);
const connectionMessages = /fetch failed|terminated|other side closed|socket hang up|cannot connect to api|network/i;

/** Replaces the API key (and anything shaped like a secret key) with `[redacted]`, and caps the length. */
/** The message inside a provider's JSON error body (`{error:{message}}`, `{error}`, `{message}`); '' otherwise. */
export function readProviderMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (typeof body.error?.message === 'string') return body.error.message;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: no provider message; the raw body is never shown.
  }
  return '';
}

export function redactProviderText(text: string, apiKey: string | null): string {
  let clean = apiKey !== null && apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text;
  clean = clean.replace(/\b(sk|xai|gsk|AIza)[-_A-Za-z0-9]{8,}/g, '[redacted]');
  return clean.length > 200 ? `${clean.slice(0, 197)}…` : clean;
}

/** Classifies an HTTP status and the provider's error text. */
export function classifyHttpFailure(failure: HttpFailure, apiKey: string | null, operation: LlmOperation): ClassifiedFailure {
  const { status, providerMessage } = failure;
  const searchable = `${providerMessage} ${failure.responseBody ?? ''}`;
  const retryAfterMs = parseRetryAfterMs(failure.headers);
  if (contextPatterns.test(searchable) || status === 413) {
    return { error: new LlmError('context_too_long', 'The conversation is too long for this model. Start a new conversation or shorten the message.', false, status) };
  }
  if (status === 400 && toolsPatterns.test(searchable)) {
    return { error: new LlmError('invalid_request', 'This model cannot use tools. Turn tools off for this conversation or pick another model.', false, status, true) };
  }
  if (status === 401 || status === 403 || (status === 400 && invalidKeyPatterns.test(searchable))) {
    return { error: new LlmError('provider_auth', 'The provider rejected the API key. Check the key in the provider settings.', false, status) };
  }
  if (status === 404) {
    return operation === 'chat'
      ? { error: new LlmError('model_not_found', 'The provider does not offer this model (or the key cannot use it).', false, status) }
      : { error: new LlmError('invalid_request', 'The provider has no model list at this base URL. Check the base URL in the provider settings.', false, status) };
  }
  if (status === 429) {
    if (quotaPatterns.test(searchable)) {
      return { error: new LlmError('rate_limited', 'The provider account has run out of quota or credit.', false, status) };
    }
    return { error: new LlmError('rate_limited', 'The provider is limiting how often it can be called. Try again in a moment.', true, status), retryAfterMs };
  }
  if (status === 408) return { error: new LlmError('timeout', 'The provider took too long to answer.', true, status), retryAfterMs };
  if (status >= 500) {
    return { error: new LlmError('provider_unavailable', 'The provider is unavailable right now. Try again in a moment.', true, status), retryAfterMs };
  }
  const detail = redactProviderText(providerMessage, apiKey).trim();
  const message = detail === '' ? 'The provider rejected the request.' : `The provider rejected the request: ${detail}`;
  return { error: new LlmError('invalid_request', message, false, status) };
}

function isConnectionFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionCodes.has(code)) return true;
    if (connectionMessages.test(current.message)) return true;
  }
  return false;
}

/** Classifies any error a provider call can throw. An `LlmError` passes through unchanged. */
export function classifyError(error: unknown, apiKey: string | null, operation: LlmOperation): ClassifiedFailure {
  if (error instanceof LlmError) return { error };
  // A 2xx APICallError ("Failed to process successful response") wraps a body that broke off: a connection failure.
  if (APICallError.isInstance(error) && error.statusCode !== undefined && error.statusCode >= 400) {
    const failure = { status: error.statusCode, providerMessage: error.message, responseBody: error.responseBody, headers: error.responseHeaders };
    return classifyHttpFailure(failure, apiKey, operation);
  }
  if (isConnectionFailure(error)) {
    return { error: new LlmError('provider_unavailable', 'Could not reach the provider. Check the base URL and that the service is running.', true) };
  }
  return { error: new LlmError('internal', 'The provider sent a response the server could not understand.', false) };
}
