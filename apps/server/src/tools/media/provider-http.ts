import type { MediaProvider } from '../../providers/index.js';
import { trimBaseUrl } from '../../providers/llm/adapters/llm-adapter.js';
import { readProviderMessage, redactProviderText } from '../../providers/llm/classify-error.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Logger } from '../../platform/logging/logger.js';

/**
 * One request to a media provider's OpenAI-compatible endpoint (`/images/generations`, `/images/edits`,
 * `/audio/transcriptions`). Like the LLM client, it goes straight to the provider's configured base URL (an
 * administrator's, or the user's own, checked when it was saved), with the key as a bearer token.
 */

export interface ProviderCall {
  provider: MediaProvider;
  /** Path under the base URL, e.g. `/images/generations`. */
  path: string;
  /** JSON is sent as `application/json`; a FormData as `multipart/form-data`. */
  body: Record<string, unknown> | FormData;
  /** What the provider does, for messages: `image generation`, `audio transcription`. */
  purpose: string;
  /** Whole request, body included. */
  timeoutMs: number;
  /** Largest response body read, bytes. */
  maxResponseBytes: number;
  signal: AbortSignal | undefined;
}

export interface ProviderHttpDeps {
  fetch: typeof globalThis.fetch;
  logger: Logger;
}

function failureMessage(call: ProviderCall, status: number, text: string): AppError {
  const who = `The ${call.purpose} provider "${call.provider.providerName}"`;
  if (status === 401 || status === 403) return new AppError('upstream_unavailable', `${who} rejected its API key; an administrator (or you, for your own provider) can fix the key in the provider settings.`);
  if (status === 404) return new AppError('upstream_unavailable', `${who} has no ${call.path} endpoint or does not offer the model "${call.provider.target.model}".`);
  if (status === 429) return new AppError('rate_limited', `${who} is limiting requests or is out of quota; try again later.`);
  if (status >= 500) return new AppError('upstream_unavailable', `${who} is unavailable right now (HTTP ${status}); try again in a moment.`);
  const detail = redactProviderText(readProviderMessage(text), call.provider.target.apiKey).trim();
  return new AppError('upstream_unavailable', `${who} refused the request (HTTP ${status})${detail === '' ? '.' : `: ${detail}`}`);
}

/** Reads at most `maxBytes` of the body. @throws AppError response_too_large */
async function readCapped(response: Response, call: ProviderCall): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > call.maxResponseBytes) {
      await reader.cancel();
      const limit = Math.round(call.maxResponseBytes / 1024 / 1024);
      throw new AppError('response_too_large', `The ${call.purpose} provider "${call.provider.providerName}" sent more than ${limit} MB; ask for fewer or smaller results.`);
    }
    chunks.push(value);
  }
}

function toRequestInit(call: ProviderCall, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  const apiKey = call.provider.target.apiKey;
  if (apiKey !== null && apiKey !== '') headers.authorization = `Bearer ${apiKey}`;
  if (call.body instanceof FormData) return { method: 'POST', headers, body: call.body, signal };
  headers['content-type'] = 'application/json';
  return { method: 'POST', headers, body: JSON.stringify(call.body), signal };
}

/**
 * POSTs to the provider and returns the response body of a 2xx answer. Aborting `call.signal` rejects with the
 * signal's reason (the caller stopped).
 * @throws AppError `outbound_timeout` after `timeoutMs`; `upstream_unavailable` when the provider cannot be
 *   reached or answers with an error (`rate_limited` for 429); `response_too_large`
 */
export async function postToProvider(deps: ProviderHttpDeps, call: ProviderCall): Promise<{ status: number; contentType: string; body: Buffer }> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal === undefined ? timeout : AbortSignal.any([call.signal, timeout]);
  const url = `${trimBaseUrl(call.provider.target.baseUrl)}${call.path}`;
  const startedAt = Date.now();
  let status = 0;
  try {
    const response = await deps.fetch(url, toRequestInit(call, signal));
    status = response.status;
    const body = await readCapped(response, call);
    if (!response.ok) throw failureMessage(call, response.status, body.toString('utf8').slice(0, 64 * 1024));
    return { status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (error) {
    if (call.signal?.aborted === true) throw call.signal.reason;
    if (error instanceof AppError) throw error;
    if (timeout.aborted) {
      throw new AppError('outbound_timeout', `The ${call.purpose} provider "${call.provider.providerName}" did not answer within ${Math.round(call.timeoutMs / 1000)} seconds.`);
    }
    throw new AppError('upstream_unavailable', `Could not reach the ${call.purpose} provider "${call.provider.providerName}"; check its base URL and that the service is running.`);
  } finally {
    // Which provider, model and endpoint, how it went and how long it took: never the prompt or the media.
    deps.logger.info({ provider: call.provider.providerName, model: call.provider.target.model, path: call.path, status, durationMs: Date.now() - startedAt }, 'media provider call');
  }
}

/** Parses a JSON answer. @throws AppError upstream_unavailable when it is not JSON */
export function parseProviderJson(call: Pick<ProviderCall, 'purpose' | 'provider'>, body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new AppError('upstream_unavailable', `The ${call.purpose} provider "${call.provider.providerName}" sent an answer that is not JSON; check that its base URL points at an OpenAI-compatible API.`);
  }
}
