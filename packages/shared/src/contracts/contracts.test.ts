import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../errors/api-error.schema.js';
import { errorCodes } from '../errors/error-codes.js';
import { baseClientMessageSchema } from '../realtime/base-messages.js';
import { loginBodySchema, registerBodySchema } from './auth.contract.js';
import { emailSchema, pageQuerySchema } from './common.contract.js';
import { updateInstanceSettingsBodySchema } from './settings.contract.js';
import { defaultUserPreferences, deleteAccountBodySchema, updateUserBodySchema, userPreferencesSchema } from './users.contract.js';

describe('auth contracts', () => {
  it('normalises emails to lower case and trims them', () => {
    expect(emailSchema.parse('  Ada@Example.TEST ')).toBe('ada@example.test');
    expect(emailSchema.safeParse('ada@').success).toBe(false);
  });

  it('accepts 8–256 character passwords without composition rules', () => {
    expect(registerBodySchema.safeParse({ email: 'a@b.test', password: 'abcdefgh' }).success).toBe(true);
    expect(registerBodySchema.safeParse({ email: 'a@b.test', password: 'abcdefg' }).success).toBe(false);
    expect(registerBodySchema.safeParse({ email: 'a@b.test', password: 'x'.repeat(257) }).success).toBe(false);
  });

  it('refuses unknown fields so a client cannot set its own role', () => {
    expect(registerBodySchema.safeParse({ email: 'a@b.test', password: 'abcdefgh', role: 'admin' }).success).toBe(false);
    expect(loginBodySchema.safeParse({ email: 'a@b.test', password: '' }).success).toBe(false);
  });
});

describe('user and settings contracts', () => {
  it('has defaults that satisfy the preferences schema', () => {
    expect(userPreferencesSchema.parse(defaultUserPreferences)).toEqual(defaultUserPreferences);
  });

  it('requires the exact deletion phrase', () => {
    expect(deleteAccountBodySchema.safeParse({ confirmation: 'delete my account', password: 'x' }).success).toBe(true);
    expect(deleteAccountBodySchema.safeParse({ confirmation: 'Delete My Account', password: 'x' }).success).toBe(false);
  });

  it('refuses empty admin updates', () => {
    expect(updateUserBodySchema.safeParse({}).success).toBe(false);
    expect(updateInstanceSettingsBodySchema.safeParse({}).success).toBe(false);
    expect(updateInstanceSettingsBodySchema.safeParse({ registrationMode: 'open' }).success).toBe(true);
  });

  it('coerces paging from query strings and bounds it', () => {
    expect(pageQuerySchema.parse({ page: '2', pageSize: '50' })).toEqual({ page: 2, pageSize: 50 });
    expect(pageQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false);
  });
});

describe('error envelope and realtime messages', () => {
  it('accepts every error code in the envelope and nothing else', () => {
    for (const code of errorCodes) expect(apiErrorSchema.safeParse({ error: { code, message: 'm', requestId: 'r' } }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ error: { code: 'teapot', message: 'm', requestId: 'r' } }).success).toBe(false);
  });

  it('discriminates client messages by type', () => {
    expect(baseClientMessageSchema.parse({ type: 'auth', token: 't' })).toEqual({ type: 'auth', token: 't' });
    expect(baseClientMessageSchema.safeParse({ type: 'auth' }).success).toBe(false);
    expect(baseClientMessageSchema.safeParse({ type: 'shout' }).success).toBe(false);
  });
});
