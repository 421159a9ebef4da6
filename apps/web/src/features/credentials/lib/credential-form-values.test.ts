import { describe, expect, it } from 'vitest';
import { buildCredential, restApiIntegration, slackIntegration } from '../test-support';
import { buildCredentialBody, initialCredentialFormValues, inputKindOf, jsonProblemOf, withFieldValue } from './credential-form-values';

const field = (key: string) => restApiIntegration.fields.find((candidate) => candidate.key === key)!;

describe('credential form values', () => {
  it('enters secrets masked, public URLs as URLs, selects and JSON as such', () => {
    expect(inputKindOf(slackIntegration.fields[0]!)).toBe('secret');
    expect(inputKindOf(field('base_url'))).toBe('url');
    expect(inputKindOf(field('auth_value'))).toBe('secret');
    expect(inputKindOf(field('api_key'))).toBe('secret');
    expect(inputKindOf(field('auth_type'))).toBe('select');
    expect(inputKindOf(field('headers'))).toBe('json');
    expect(inputKindOf(field('auth_header_name'))).toBe('text');
  });

  it('starts a new credential with the integration\'s name and defaults, an edited one with its name and nothing else', () => {
    expect(initialCredentialFormValues(restApiIntegration, null)).toMatchObject({ name: 'REST API', values: { auth_type: 'bearer', base_url: '' } });
    const edited = initialCredentialFormValues(restApiIntegration, buildCredential({ name: 'Billing', integrationType: 'rest_api' }));
    expect(edited.name).toBe('Billing');
    expect(Object.values(edited.values).every((value) => value === '')).toBe(true);
  });

  it('requires a name and the required fields, and says where JSON does not parse', () => {
    const form = { ...initialCredentialFormValues(restApiIntegration, null), name: '  ' };
    const result = buildCredentialBody(restApiIntegration, withFieldValue(form, 'headers', '{"a": }'), null);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors.name).toBe('Give the credential a name.');
    expect(result.fieldErrors.base_url).toBe('Base URL is required.');
    expect(result.fieldErrors.headers).toMatch(/^This is not valid JSON/);
    expect(jsonProblemOf('{"a": 1}')).toBeNull();
  });

  it('on edit sends an emptied plain field as "" (cleared) but leaves an emptied secret out (kept)', () => {
    const credential = buildCredential({ integrationType: 'rest_api', configuredFields: ['base_url', 'auth_value', 'auth_header_name'] });
    let form = initialCredentialFormValues(restApiIntegration, credential);
    form = withFieldValue(withFieldValue(form, 'auth_header_name', 'x'), 'auth_header_name', '');
    form = withFieldValue(withFieldValue(form, 'auth_value', 'x'), 'auth_value', '');
    expect(buildCredentialBody(restApiIntegration, form, credential)).toEqual({ success: true, body: { name: 'Team Slack', data: { auth_header_name: '' } } });
    // A required plain field cannot be emptied.
    const emptied = buildCredentialBody(restApiIntegration, withFieldValue(withFieldValue(form, 'base_url', 'x'), 'base_url', ''), credential);
    expect(emptied).toEqual({ success: false, fieldErrors: { base_url: 'Base URL is required.' } });
  });
});
