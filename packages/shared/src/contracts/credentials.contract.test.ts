import { describe, expect, it } from 'vitest';
import { createCredentialBodySchema, credentialSchema, listCredentialsQuerySchema, updateCredentialBodySchema } from './credentials.contract.js';
import { integrationIdParamsSchema } from './integrations.contract.js';

describe('credentials contracts', () => {
  it('accepts a name, an integration id and string values by snake_case key', () => {
    const body = { name: 'Team Slack', integrationType: 'slack', data: { webhook_url: 'https://hooks.slack.com/services/T/B/x' } };
    expect(createCredentialBodySchema.parse(body)).toEqual(body);
  });

  it('refuses unknown top-level fields, non-string values, odd keys and odd integration ids', () => {
    const base = { name: 'x', integrationType: 'slack', data: {} };
    expect(createCredentialBodySchema.safeParse({ ...base, userId: 'someone' }).success).toBe(false);
    expect(createCredentialBodySchema.safeParse({ ...base, data: { port: 6379 } }).success).toBe(false);
    expect(createCredentialBodySchema.safeParse({ ...base, data: { 'Webhook-URL': 'x' } }).success).toBe(false);
    expect(createCredentialBodySchema.safeParse({ ...base, integrationType: '../slack' }).success).toBe(false);
    expect(createCredentialBodySchema.safeParse({ ...base, name: '  ' }).success).toBe(false);
  });

  it('needs something to change in an update', () => {
    expect(updateCredentialBodySchema.safeParse({}).success).toBe(false);
    expect(updateCredentialBodySchema.safeParse({ data: { api_key: '' } }).success).toBe(true);
  });

  it('filters lists by an integration id only', () => {
    expect(listCredentialsQuerySchema.parse({ type: 'aws_s3' })).toEqual({ type: 'aws_s3' });
    expect(listCredentialsQuerySchema.safeParse({ type: 'AWS S3' }).success).toBe(false);
    expect(integrationIdParamsSchema.safeParse({ id: 'composio_gmail' }).success).toBe(true);
  });

  it('has no place for values in the credential view', () => {
    expect(Object.keys(credentialSchema.shape)).not.toContain('data');
  });
});
