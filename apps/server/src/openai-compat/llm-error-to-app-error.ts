import type { ErrorCode } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import { LlmError } from '../providers/llm/llm-client.js';

const codeByLlmCode: Partial<Record<LlmError['code'], ErrorCode>> = {
  rate_limited: 'rate_limited',
  model_not_found: 'not_found',
  context_too_long: 'validation_failed',
  invalid_request: 'validation_failed',
  provider_disabled: 'forbidden',
};

/** Turns a provider failure into the API's error (502 unless the client can fix it); rethrows anything else. */
export function rethrowAsAppError(error: unknown): never {
  if (error instanceof LlmError) throw new AppError(codeByLlmCode[error.code] ?? 'upstream_unavailable', error.message, { providerError: error.code, retryable: error.retryable });
  throw error;
}
