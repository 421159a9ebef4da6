/**
 * The engine's one error type. `code` is stable (the server maps it to its AppError), `isTransient` says whether
 * a retry may help. Ports may throw anything; classifyError turns it into an EngineError.
 */
export class EngineError extends Error {
  readonly code: string;
  readonly isTransient: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: { isTransient?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.isTransient = options.isTransient ?? false;
    this.details = options.details;
  }
}

/** The plain, serialisable error recorded on a block or a run. */
export interface RecordedError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const transientStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET', 'BLOCK_TIMEOUT']);

/**
 * Whether an error thrown by a port is worth retrying (reference §3.3: 429, 408, 5xx, network errors and
 * timeouts are; 4xx and TLS errors are not). Ports can be explicit with `isTransient`.
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { isTransient?: unknown; status?: unknown; statusCode?: unknown; code?: unknown; name?: unknown };
  if (typeof candidate.isTransient === 'boolean') return candidate.isTransient;
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status === 'number') return transientStatuses.has(status);
  if (typeof candidate.code === 'string' && transientCodes.has(candidate.code)) return true;
  return candidate.name === 'TimeoutError';
}

/** Turns anything thrown into an EngineError, keeping code and transience when the thrower gave them. */
export function toEngineError(error: unknown, fallbackCode = 'BLOCK_FAILED'): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof Error) {
    const candidate = (error as { code?: unknown }).code;
    const code = typeof candidate === 'string' ? candidate : fallbackCode;
    return new EngineError(code, error.message, { isTransient: isTransientError(error), cause: error });
  }
  return new EngineError(fallbackCode, typeof error === 'string' ? error : 'Unknown error', { isTransient: false });
}

/** The serialisable form stored in records and sent to hooks. */
export function recordError(error: EngineError): RecordedError {
  return error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details };
}

