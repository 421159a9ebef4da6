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

/** A path segment that reads like a credential: long and mixing letters with digits, or a `user:secret` pair. */
function isSecretLikeSegment(segment: string): boolean {
  if (segment.includes(':') || segment.includes('@')) return true;
  return segment.length >= 16 && /\d/.test(segment) && /[a-z]/i.test(segment);
}

/**
 * `redactUrl`, and also path segments that look like secrets: webhook URLs (Slack, Discord, Teams) and bot APIs
 * (Telegram's `/bot<id>:<token>/`) carry their credential in the path. For outbound requests, whose URLs users
 * and integrations supply.
 */
export function redactUrlWithPath(url: string): string {
  const redacted = redactUrl(url);
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(redacted);
  if (!match) return redacted;
  const [, origin, path, rest] = match;
  const cleanPath = (path ?? '')
    .split('/')
    .map((segment) => (isSecretLikeSegment(decodeURIComponentSafe(segment)) ? '[redacted]' : segment))
    .join('/');
  return `${origin}${cleanPath}${rest}`;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
