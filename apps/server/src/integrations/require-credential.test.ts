import { describe, expect, it } from 'vitest';
import { requireCredential, requireValues } from './require-credential.js';

const owner = { id: 'twilio', name: 'Twilio' };

describe('requireCredential', () => {
  it('returns the values when every required one is present', async () => {
    const values = { account_sid: 'AC1', auth_token: 't' };
    await expect(requireCredential({ getCredential: async () => values }, owner, ['account_sid', 'auth_token'])).resolves.toBe(values);
  });

  it('names every missing or blank field in one validation error', () => {
    expect(() => requireValues({ account_sid: ' ' }, owner, ['account_sid', 'auth_token'])).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        message: 'The Twilio credential has no "account_sid", "auth_token"; edit it on the Credentials page.',
        details: [{ path: 'account_sid', message: 'Required' }, { path: 'auth_token', message: 'Required' }],
      }),
    );
  });

  it('asks for a credential when the run has no user to take one from', async () => {
    await expect(requireCredential({}, owner, [])).rejects.toThrow('Add a Twilio credential on the Credentials page to use this tool.');
  });
});
