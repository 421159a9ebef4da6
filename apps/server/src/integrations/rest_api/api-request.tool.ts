import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { checkHeaders } from '../custom-auth.js';
import { requireCredential } from '../require-credential.js';
import { refuseHtmlAnswer } from '../webhook-url.js';
import { baseUrlOf, resolveEndpoint, restApi, restApiHeaders } from './rest-api-api.js';

/** Characters of the answer shown to the model. */
const maxAnswerChars = 10_000;

/**
 * Calls an endpoint of the REST API the user connected (`base_url` + authentication + default headers), e.g. an
 * internal service or a SaaS without its own integration. Endpoints stay under the base URL.
 */
export const apiRequestTool = defineTool({
  name: 'api_request',
  displayName: 'API Request',
  description:
    'Calls the REST API the user connected on the Credentials page: method, endpoint (a path under its base ' +
    'URL, like /users/42), query_params, a JSON body and extra headers; authentication is added from the ' +
    'credential. Use it to read or change data in that API. Returns the status and the answer (parsed JSON, cut at ' +
    '10000 characters).',
  icon: 'Globe',
  category: 'integrations',
  integration: restApi.id,
  keywords: ['api', 'rest', 'http', 'request', 'endpoint', 'get', 'post', 'json', 'integration', 'custom'],
  inputSchema: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    endpoint: z.string().trim().min(1).max(2_000).describe('Path under the base URL, e.g. /users/42'),
    query_params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('Query string parameters'),
    body: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string().max(1_000_000)]).optional().describe('JSON body (object/array), or a string as is'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra headers'),
  }),
  async execute(input, context) {
    const values = await requireCredential(context, restApi, ['base_url']);
    const base = baseUrlOf(values);
    const url = resolveEndpoint(base, input.endpoint);
    const extraHeaders = checkHeaders(input.headers ?? {}, 'headers');
    const hasBody = input.body !== undefined && input.method !== 'GET';
    const isString = typeof input.body === 'string';
    const response = await callService(context, {
      service: base.host,
      method: input.method,
      url: url.toString(),
      query: input.query_params,
      headers: { ...restApiHeaders(values), ...extraHeaders, ...(hasBody && isString && !extraHeaders['content-type'] ? { 'content-type': 'text/plain' } : {}) },
      ...(hasBody ? (isString ? { body: input.body as string } : { json: input.body }) : {}),
      expect: 'any',
    });
    refuseHtmlAnswer(base.host, response);
    const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    const isLong = (text?.length ?? 0) > maxAnswerChars;
    return {
      result: {
        status: response.status,
        method: input.method,
        url: `${url.origin}${url.pathname}`,
        data: isLong ? text!.slice(0, maxAnswerChars) : response.data,
        ...(isLong ? { truncated: true } : {}),
      },
    };
  },
});
