import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { checkHeaders } from '../custom-auth.js';
import { requireCredential } from '../require-credential.js';
import { refuseHtmlAnswer } from '../webhook-url.js';
import { credentialHeaders, credentialUrl, customWebhook, webhookMethods } from './custom-webhook-api.js';

/** Characters of the answer shown to the model. */
const maxAnswerChars = 5_000;

const contentTypes = { json: 'application/json', form: 'application/x-www-form-urlencoded', text: 'text/plain', xml: 'application/xml' } as const;

function encodeBody(body: unknown, contentType: keyof typeof contentTypes): string {
  if (typeof body === 'string') return body;
  if (contentType === 'form') {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('A form body must be an object of fields.');
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();
  }
  return JSON.stringify(body);
}

/**
 * Calls the user's webhook (Zapier, Make, n8n, their own service) with the credential's URL, method, headers
 * and authentication. `url` may only pick another path on the credential URL's origin, so its authentication is
 * never sent to another host; the SSRF guard applies to the address as to every outbound call.
 */
export const sendWebhookTool = defineTool({
  name: 'send_webhook',
  displayName: 'Send Webhook',
  description:
    'Sends an HTTP request to the user\'s configured webhook (Zapier, Make, n8n or their own endpoint) with its ' +
    'authentication: the body as JSON (default), form fields, text or XML. url and method override the ' +
    'credential\'s (url must stay on the same host). Use it to trigger an automation or pass data on. Returns the ' +
    'status and the answer (parsed when JSON, cut at 5000 characters).',
  icon: 'Webhook',
  category: 'integrations',
  integration: customWebhook.id,
  keywords: ['webhook', 'http', 'post', 'trigger', 'zapier', 'make', 'n8n', 'automation', 'callback', 'notify'],
  inputSchema: z.object({
    url: z.url({ protocol: /^https?$/ }).optional().describe('Another path on the webhook\'s host; default: the credential\'s URL'),
    method: z.enum(webhookMethods).optional().describe('Default: the credential\'s method'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra headers'),
    body: z.union([z.string().max(1_000_000), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional().describe('The payload: an object/array (sent as JSON or form) or a string as is'),
    content_type: z.enum(['json', 'form', 'text', 'xml']).default('json').describe('How the body is sent'),
  }),
  async execute(input, context) {
    const values = await requireCredential(context, customWebhook, ['url']);
    const base = credentialUrl(values);
    const target = input.url ? new URL(input.url) : base;
    if (target.origin !== base.origin) throw new ValidationError(`url must stay on the webhook's host (${base.origin}), so its authentication goes nowhere else.`);
    const method = input.method ?? ((values.method?.trim().toUpperCase() || 'POST') as (typeof webhookMethods)[number]);
    if (!webhookMethods.includes(method)) throw new ValidationError(`The credential's method must be one of ${webhookMethods.join(', ')}.`);
    const hasBody = input.body !== undefined && method !== 'GET';
    const headers = {
      ...credentialHeaders(values),
      ...checkHeaders(input.headers ?? {}, 'headers'),
      ...(hasBody ? { 'content-type': contentTypes[input.content_type] } : {}),
    };
    const response = await callService(context, {
      service: 'The webhook',
      method,
      url: target.toString(),
      headers,
      ...(hasBody ? { body: encodeBody(input.body, input.content_type) } : {}),
      expect: 'any',
    });
    refuseHtmlAnswer('The webhook', response);
    const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    const isLong = (text?.length ?? 0) > maxAnswerChars;
    return {
      result: {
        status: response.status,
        ok: true,
        method,
        url: `${target.origin}${target.pathname}`,
        response: isLong ? text!.slice(0, maxAnswerChars) : response.data,
        ...(isLong ? { truncated: true } : {}),
      },
    };
  },
});
