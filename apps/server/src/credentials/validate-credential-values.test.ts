import { describe, expect, it } from 'vitest';
import type { IntegrationField } from '../integrations/define-integration.js';
import { AppError } from '../platform/errors/app-error.js';
import { validateCredentialValues } from './validate-credential-values.js';

const fields: IntegrationField[] = [
  {
    key: 'webhook_url', label: 'Webhook URL', type: 'webhook_url', required: true, sensitive: true,
    validate: (value) => (value.startsWith('https://hooks.example.test/') ? null : 'Use the https://hooks.example.test/ URL the service gave you'),
  },
  { key: 'method', label: 'Method', type: 'select', required: true, sensitive: false, options: ['POST', 'PUT'], default: 'POST' },
  { key: 'headers', label: 'Headers', type: 'json', required: false, sensitive: false },
  { key: 'username', label: 'Username', type: 'text', required: false, sensitive: false },
];
const integration = { name: 'Example', fields };
const hook = 'https://hooks.example.test/abc';

function issuesOf(run: () => unknown): Array<{ path: string; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).details as Array<{ path: string; message: string }>;
  }
  throw new Error('expected a validation error');
}

describe('validateCredentialValues', () => {
  it('trims values, fills defaults and leaves out empty optional fields', () => {
    expect(validateCredentialValues(integration, { webhook_url: `  ${hook}\n`, username: '' })).toEqual({ webhook_url: hook, method: 'POST' });
  });

  it('lists every problem with its field path', () => {
    const issues = issuesOf(() => validateCredentialValues(integration, { method: 'GET', headers: '{not json', token: 'x' }));
    expect(issues).toEqual([
      { path: 'data.token', message: 'Example credentials have no field "token"' },
      { path: 'data.webhook_url', message: 'Webhook URL is required' },
      { path: 'data.method', message: 'Method must be one of: POST, PUT' },
      { path: 'data.headers', message: 'Headers must be valid JSON' },
    ]);
  });

  it("runs each field's own check", () => {
    expect(issuesOf(() => validateCredentialValues(integration, { webhook_url: 'https://evil.test/x' }))).toEqual([
      { path: 'data.webhook_url', message: 'Use the https://hooks.example.test/ URL the service gave you' },
    ]);
  });

  it('on update keeps a secret sent empty, clears other fields sent empty and keeps fields left out', () => {
    const stored = { webhook_url: hook, method: 'PUT', username: 'clara' };
    expect(validateCredentialValues(integration, { webhook_url: '', username: '' }, stored)).toEqual({ webhook_url: hook, method: 'PUT' });
    expect(validateCredentialValues(integration, { webhook_url: `${hook}/new` }, stored)).toEqual({ webhook_url: `${hook}/new`, method: 'PUT', username: 'clara' });
  });

  it('on update refuses clearing a required field that is not secret', () => {
    expect(issuesOf(() => validateCredentialValues(integration, { method: '' }, { webhook_url: hook, method: 'PUT' }))).toEqual([
      { path: 'data.method', message: 'Method is required' },
    ]);
  });
});
