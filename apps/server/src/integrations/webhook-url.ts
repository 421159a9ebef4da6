import { AppError } from '../platform/errors/app-error.js';

/**
 * A credential field's `validate` for a service webhook URL: https, one of the service's hosts, under its
 * documented path. A webhook credential is where the server will POST, so it must not be able to point elsewhere.
 * @param example shown in the message (`https://hooks.slack.com/services/T…/B…/…`)
 */
export function serviceWebhookUrl(hosts: readonly string[], pathPrefix: string, example: string): (value: string) => string | null {
  return (value) => {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      return `Give the whole webhook URL, like ${example}`;
    }
    const isRight = url.protocol === 'https:' && hosts.includes(url.hostname.toLowerCase()) && !url.port && !url.username && !url.password;
    if (!isRight || !url.pathname.startsWith(pathPrefix) || url.pathname.length <= pathPrefix.length) {
      return `The webhook URL must look like ${example}`;
    }
    return null;
  };
}

/**
 * Webhooks that answer plain text (`ok`, `1`) are called with `expect: 'any'`; an HTML document in their place is a
 * portal or a wrong address, not a delivery. Judged by the body, not the content type: Slack sends its `ok` as
 * `text/html`.
 * @throws AppError `upstream_error`
 */
export function refuseHtmlAnswer(service: string, response: { status: number; data: unknown }): void {
  if (typeof response.data === 'string' && /^\s*<(?:!doctype|html|head|body)\b/i.test(response.data)) {
    throw new AppError('upstream_error', `${service} answered with an HTML page instead of accepting the message (status ${response.status}). Check the webhook URL.`, {
      service,
      status: response.status,
    });
  }
}
