import { describe, expect, it } from 'vitest';
import { fullyMasked, maskedPreviewOf, maskValue } from './mask-credential.js';

describe('maskValue', () => {
  it('shows the first 20 and last 8 characters of a webhook URL', () => {
    const url = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(maskValue({ type: 'webhook_url', sensitive: true }, url)).toBe('https://hooks.slack.…XXXXXXXX');
  });

  it('shows the first 6 and last 4 characters of a key or token', () => {
    expect(maskValue({ type: 'api_key', sensitive: true }, 'sk_live_1234567890abcdefWXYZ')).toBe('sk_liv…WXYZ');
    expect(maskValue({ type: 'token', sensitive: true }, 'ghp_abcdefghijklmnopqrstuvwxyz')).toBe('ghp_ab…wxyz');
  });

  it('masks JSON as [JSON data] and short secrets completely', () => {
    expect(maskValue({ type: 'json', sensitive: true }, '{"private_key":"-----BEGIN"}')).toBe('[JSON data]');
    expect(maskValue({ type: 'api_key', sensitive: true }, 'short-secret')).toBe(fullyMasked);
    expect(maskValue({ type: 'text', sensitive: true }, 'hunter2')).toBe(fullyMasked);
    expect(maskValue({ type: 'webhook_url', sensitive: true }, 'https://x.test/hook/abc')).toBe(fullyMasked);
  });

  it('never shows more than half of a secret', () => {
    for (const length of [1, 8, 19, 20, 21, 40]) {
      const secret = 'a'.repeat(length);
      const shown = maskValue({ type: 'api_key', sensitive: true }, secret).replace(/[…•]/g, '');
      expect(shown.length).toBeLessThanOrEqual(length / 2);
    }
  });

  it('shows values that are not secret, cut when long', () => {
    expect(maskValue({ type: 'text', sensitive: false }, 'eu-west-1')).toBe('eu-west-1');
    expect(maskValue({ type: 'text', sensitive: false }, 'x'.repeat(60))).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('maskedPreviewOf', () => {
  const fields = [
    { key: 'email', label: 'Email', type: 'text', required: true, sensitive: false },
    { key: 'api_token', label: 'API token', type: 'api_key', required: true, sensitive: true },
  ] as const;

  it('previews the first secret field that holds a value', () => {
    expect(maskedPreviewOf({ fields }, { email: 'ada@example.test', api_token: 'ATATT3xFfGF0abcdefghijkl1234' })).toBe('ATATT3…1234');
  });

  it('falls back to the first filled field, then to a full mask', () => {
    expect(maskedPreviewOf({ fields }, { email: 'ada@example.test', api_token: '' })).toBe('ada@example.test');
    expect(maskedPreviewOf({ fields }, {})).toBe(fullyMasked);
  });
});
