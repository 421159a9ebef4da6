import { describe, expect, it } from 'vitest';
import { maxRecipients, parseAddresses, parseRecipients, validateEmailAddress } from './email-addresses.js';

describe('email addresses', () => {
  it('splits comma- or semicolon-separated lists and lists, dropping blanks and repeats', () => {
    expect(parseAddresses('a@x.example, b@y.example; a@x.example,', 'to')).toEqual(['a@x.example', 'b@y.example']);
    expect(parseAddresses(['c@z.example'], 'cc')).toEqual(['c@z.example']);
    expect(parseAddresses(undefined, 'bcc')).toEqual([]);
    expect(() => parseAddresses('a@x.example, nope', 'to')).toThrow(/to has an address that is not valid: nope/);
  });

  it('keeps each recipient once across to, cc and bcc, and caps the total', () => {
    expect(parseRecipients({ to: 'a@x.example', cc: 'a@x.example, b@x.example', bcc: 'b@x.example, c@x.example' })).toEqual({
      to: ['a@x.example'], cc: ['b@x.example'], bcc: ['c@x.example'],
    });
    expect(() => parseRecipients({ to: '' })).toThrow(/at least one recipient/);
    const many = Array.from({ length: maxRecipients + 1 }, (_, index) => `u${index}@x.example`);
    expect(() => parseRecipients({ to: many })).toThrow(/At most 100 recipients/);
  });

  it('validates a sender field, allowing it empty', () => {
    expect(validateEmailAddress('noreply@acme.example')).toBeNull();
    expect(validateEmailAddress('')).toBeNull();
    expect(validateEmailAddress('acme')).toMatch(/email address/);
  });
});
