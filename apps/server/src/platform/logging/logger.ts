import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Query parameters whose values never reach a log line. */
const secretQueryKeys = /^(token|access_token|refresh_token|code|key|api_key|apikey|accesskey|secretkey|password|secret|signature|state)$/i;

/** Returns the URL with the values of secret-looking query parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const questionMark = url.indexOf('?');
  if (questionMark === -1) return url;
  const params = new URLSearchParams(url.slice(questionMark + 1));
  for (const key of [...params.keys()]) {
    if (secretQueryKeys.test(key)) params.set(key, '[redacted]');
  }
  const query = params.toString().replaceAll('%5Bredacted%5D', '[redacted]');
  return `${url.slice(0, questionMark)}?${query}`;
}

/**
 * The pino options of the server: JSON lines, no request or response bodies, no headers, and redaction of
 * any field named like a secret in case one is logged by mistake.
 */
export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'password', '*.password', 'newPassword', '*.newPassword', 'currentPassword', '*.currentPassword',
        'token', '*.token', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
        'passwordHash', '*.passwordHash', 'authorization', '*.authorization', '*.headers.authorization',
        '*.headers.cookie', 'cookie', '*.cookie', 'apiKey', '*.apiKey', 'secret', '*.secret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method?: string; url?: string; id?: string }) {
        return { method: request.method, url: request.url ? redactUrl(request.url) : undefined, requestId: request.id };
      },
      res(response: { statusCode?: number }) {
        return { statusCode: response.statusCode };
      },
      err: pino.stdSerializers.err,
    },
  };
}

/** Creates the root logger. `destination` lets tests capture every line. */
export function createLogger(level: LoggerOptions['level'], destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
