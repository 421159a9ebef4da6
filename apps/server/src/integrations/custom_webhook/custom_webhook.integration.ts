import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { customAuthTypes, validateHeadersJson, validateHttpUrl } from '../custom-auth.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { credentialHeaders, credentialUrl, customWebhook, webhookMethods } from './custom-webhook-api.js';
import { sendWebhookTool } from './send-webhook.tool.js';

/**
 * Any HTTP endpoint the user triggers. The credential test sends a HEAD request with the credential's headers:
 * nothing is delivered, and any answer but 401/403 or a server error shows the endpoint is reachable.
 */
export const customWebhookIntegration = defineIntegration({
  id: customWebhook.id,
  name: customWebhook.name,
  description: 'Send HTTP requests to your own webhook endpoint (Zapier, Make, n8n, your service).',
  icon: 'Webhook',
  category: 'custom',
  docsUrl: 'https://en.wikipedia.org/wiki/Webhook',
  fields: [
    { key: 'url', label: 'Webhook URL', type: 'webhook_url', required: true, placeholder: 'https://hooks.zapier.com/hooks/catch/…', sensitive: true, validate: validateHttpUrl },
    { key: 'method', label: 'Method', type: 'select', required: true, options: webhookMethods, default: 'POST', sensitive: false },
    { key: 'auth_type', label: 'Authentication', type: 'select', required: false, options: customAuthTypes, default: 'none', helpText: 'bearer: a token; basic: user:password; header: "Header-Name: value".', sensitive: false },
    { key: 'auth_value', label: 'Auth Value', type: 'api_key', required: false, placeholder: 'token, user:password or X-Api-Key: value', sensitive: true },
    { key: 'headers', label: 'Headers', type: 'json', required: false, placeholder: '{"X-Source": "claraverse"}', helpText: 'Extra headers sent with every call, as a JSON object.', sensitive: false, validate: validateHeadersJson },
  ],
  tools: [sendWebhookTool],
  async test(values, context) {
    const url = credentialUrl(requireValues(values, customWebhook, ['url']));
    try {
      const response = await callService(context, { service: 'The webhook', method: 'HEAD', url: url.toString(), headers: credentialHeaders(values), expect: 'any', maxRateLimitWaitMs: 0 });
      return { message: `Reached ${url.host} (HEAD answered ${response.status}; nothing was delivered).` };
    } catch (error) {
      const status = error instanceof AppError ? (error.details as { status?: number } | undefined)?.status : undefined;
      if (status === undefined || status === 401 || status === 403 || status >= 500) throw error;
      return { message: `Reached ${url.host} (HEAD answered ${status}, which is normal for webhooks that only take ${values.method ?? 'POST'}; nothing was delivered).` };
    }
  },
});
