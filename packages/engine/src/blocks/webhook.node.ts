import { configString, defineBlockExecutor } from './define-block-executor.js';
import { parseBody, sendRequest, toHeaders } from './http-request.node.js';

/**
 * `webhook` `{ url, method?, headers?, body, secretRef? }`: an outbound call whose JSON body is signed by the
 * server (ports.signWebhook, the secret held by reference) and sent through the SSRF-guarded client.
 * Output `{ status, body }`.
 */
export const webhookBlock = defineBlockExecutor({
  type: 'webhook',
  validateConfig: (config) => (configString(config, 'url') === '' ? ['url is required.'] : []),
  async execute({ config, ports, signal, run, timeoutMs }) {
    const payload = config['body'] ?? config['bodyTemplate'] ?? {};
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const headers = { 'content-type': 'application/json', ...toHeaders(config['headers']) };
    const secretRef = configString(config, 'secretRef');
    if (secretRef !== '') Object.assign(headers, await ports.signWebhook({ userId: run.userId, agentId: run.agentId, body, secretRef, timestamp: ports.now() }));
    const response = await sendRequest(
      ports,
      { userId: run.userId, method: configString(config, 'method', 'POST').toUpperCase(), url: configString(config, 'url'), headers, body, timeoutMs },
      signal,
      true,
    );
    return { output: { status: response.status, body: parseBody(response) } };
  },
});
