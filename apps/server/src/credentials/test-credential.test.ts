import { describe, expect, it } from 'vitest';
import { defineIntegration, type IntegrationDefinition } from '../integrations/define-integration.js';
import { loopbackHttp } from '../integrations/test-support.js';
import { AppError } from '../platform/errors/app-error.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { testCredential } from './test-credential.js';

const values = { api_key: 'key-0123456789-secret', host: 'db.internal.test' };
const integrationWith = (test: IntegrationDefinition['test']) =>
  defineIntegration({
    id: 'probe', name: 'Probe', description: 'A probe.', icon: 'Radar', category: 'custom', docsUrl: 'https://probe.test',
    fields: [{ key: 'api_key', label: 'Key', type: 'api_key', required: true, sensitive: true }], tools: [], ...(test ? { test } : {}),
  });

function ports() {
  const { logger, lines } = createCapturingLogger();
  return { ports: { http: loopbackHttp, serviceUrl: (url: string) => url, logger, timeoutMs: 200 }, lines };
}

describe('testCredential', () => {
  it('hands the test the values and the narrow context, and reports what it found', async () => {
    const { ports: testPorts } = ports();
    let seen: unknown;
    const outcome = await testCredential(
      integrationWith(async (given, context) => {
        seen = { given, hasHttp: typeof context.http.request === 'function', isSignal: context.signal instanceof AbortSignal, keys: Object.keys(context).sort() };
        return { message: 'Connected as probe-bot', details: { account: 'probe-bot' } };
      }),
      values, testPorts,
    );
    expect(outcome).toEqual({ success: true, message: 'Connected as probe-bot', details: { account: 'probe-bot' } });
    expect(seen).toEqual({ given: values, hasHttp: true, isSignal: true, keys: ['http', 'logger', 'serviceUrl', 'signal'] });
  });

  it("gives the test the instance's Composio port when there is one", async () => {
    const { ports: testPorts } = ports();
    const actions = { execute: async () => ({ ok: true }) };
    let composio: unknown;
    await testCredential(integrationWith(async (_given, context) => { composio = context.composio; return { message: 'ok' }; }), values, { ...testPorts, composio: () => actions });
    expect(composio).toBe(actions);
    await testCredential(integrationWith(async (_given, context) => { composio = context.composio; return { message: 'ok' }; }), values, { ...testPorts, composio: () => undefined });
    expect(composio).toBeUndefined();
  });

  it("answers success:false with an AppError's own message", async () => {
    const { ports: testPorts } = ports();
    const outcome = await testCredential(integrationWith(async () => { throw new AppError('upstream_error', 'Probe refused the credential (401).'); }), values, testPorts);
    expect(outcome).toEqual({ success: false, message: 'Probe refused the credential (401).' });
  });

  it('blanks the credential values out of an unexpected error (a driver quoting its connection string)', async () => {
    const { ports: testPorts, lines } = ports();
    const outcome = await testCredential(
      integrationWith(async (given) => { throw new Error(`connect ECONNREFUSED ${given.host} with ${given.api_key}`); }), values, testPorts,
    );
    expect(outcome).toEqual({ success: false, message: 'Could not check the Probe credential: connect ECONNREFUSED •••• with ••••' });
    expect(lines.join('\n')).not.toContain(values.api_key);
  });

  it('ends a test that ignores its signal at the time limit', async () => {
    const { ports: testPorts } = ports();
    const outcome = await testCredential(integrationWith(() => new Promise(() => undefined)), values, testPorts);
    expect(outcome).toEqual({ success: false, message: 'Probe did not answer within 200 ms.' });
  });

  it('refuses an integration that has no live test', async () => {
    const { ports: testPorts } = ports();
    await expect(testCredential(integrationWith(undefined), values, testPorts)).rejects.toMatchObject({ code: 'validation_failed', message: 'Probe credentials cannot be tested live; they are used as they are.' });
  });
});
