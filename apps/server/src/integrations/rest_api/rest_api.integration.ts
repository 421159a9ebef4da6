import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { customAuthTypes, validateHeadersJson, validateHttpUrl } from '../custom-auth.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { apiRequestTool } from './api-request.tool.js';
import { baseUrlOf, restApi, restApiHeaders } from './rest-api-api.js';

/**
 * Any REST API the user connects with a base URL and authentication. The credential test GETs the base URL with
 * the credential's headers: 401/403 fail, as does a server error; any other answer shows the API is reachable
 * (many APIs answer 404 at their root).
 */
export const restApiIntegration = defineIntegration({
  id: restApi.id,
  name: restApi.name,
  description: 'Call any REST API with a base URL and authentication.',
  icon: 'Globe',
  category: 'custom',
  docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Overview',
  fields: [
    { key: 'base_url', label: 'Base URL', type: 'text', required: true, placeholder: 'https://api.example.com/v1', sensitive: false, validate: validateHttpUrl },
    { key: 'auth_type', label: 'Authentication', type: 'select', required: false, options: customAuthTypes, default: 'none', helpText: 'bearer: a token; basic: user:password; header: the value of the header named below.', sensitive: false },
    { key: 'auth_value', label: 'Auth Value', type: 'api_key', required: false, placeholder: 'token or user:password', sensitive: true },
    { key: 'auth_header_name', label: 'Auth Header Name', type: 'text', required: false, placeholder: 'X-API-Key', default: 'X-API-Key', sensitive: false },
    { key: 'headers', label: 'Headers', type: 'json', required: false, placeholder: '{"Accept": "application/json"}', helpText: 'Headers sent with every call, as a JSON object.', sensitive: false, validate: validateHeadersJson },
  ],
  tools: [apiRequestTool],
  async test(values, context) {
    const base = baseUrlOf(requireValues(values, restApi, ['base_url']));
    try {
      const response = await callService(context, { service: base.host, url: base.toString(), headers: restApiHeaders(values), expect: 'any', maxRateLimitWaitMs: 0 });
      return { message: `Connected to ${base.host} (GET ${base.pathname} answered ${response.status}).` };
    } catch (error) {
      const status = error instanceof AppError ? (error.details as { status?: number } | undefined)?.status : undefined;
      if (status === undefined || status === 401 || status === 403 || status >= 500) throw error;
      return { message: `Reached ${base.host} with the credential (GET ${base.pathname} answered ${status}).` };
    }
  },
});
