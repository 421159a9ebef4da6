import { z } from 'zod';
import { ValidationError } from '../platform/errors/app-error.js';

/** Recipients of one email (to + cc + bcc); the services allow more, a chat tool needs far fewer. */
export const maxRecipients = 100;

/** One address or several, as a list or comma-separated (what email tools accept for to, cc, bcc). */
export const addressListSchema = z.union([z.string(), z.array(z.string()).max(maxRecipients)]);

/** `["a@x.com", "b@y.com"]` from `"a@x.com, b@y.com"` or a list; each checked, duplicates dropped. @throws ValidationError */
export function parseAddresses(value: string | readonly string[] | undefined, field: string): string[] {
  if (value === undefined) return [];
  const addresses = (typeof value === 'string' ? value.split(/[,;]/) : value).map((address) => address.trim()).filter(Boolean);
  const invalid = addresses.filter((address) => !z.email().safeParse(address).success);
  if (invalid.length > 0) throw new ValidationError(`${field} has an address that is not valid: ${invalid.slice(0, 3).join(', ')}`);
  return [...new Set(addresses)];
}

/** to, cc and bcc parsed, each address kept once (to wins over cc, cc over bcc), within the recipient cap. */
export function parseRecipients(input: { to: string | readonly string[]; cc?: string | readonly string[] | undefined; bcc?: string | readonly string[] | undefined }) {
  const to = parseAddresses(input.to, 'to');
  const cc = parseAddresses(input.cc, 'cc').filter((address) => !to.includes(address));
  const bcc = parseAddresses(input.bcc, 'bcc').filter((address) => !to.includes(address) && !cc.includes(address));
  if (to.length === 0) throw new ValidationError('Give at least one recipient in to.');
  if (to.length + cc.length + bcc.length > maxRecipients) throw new ValidationError(`At most ${maxRecipients} recipients per email.`);
  return { to, cc, bcc };
}

/** `validate` of a sender address field. */
export function validateEmailAddress(value: string): string | null {
  return !value.trim() || z.email().safeParse(value.trim()).success ? null : 'Give an email address, like noreply@example.com.';
}
