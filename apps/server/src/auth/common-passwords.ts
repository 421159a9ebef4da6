import { dictionary } from '@zxcvbn-ts/language-common';

let commonPasswords: Set<string> | null = null;

/**
 * True when the password is one of ~49,000 most common passwords (the zxcvbn-ts list), compared case-
 * insensitively, or is built only from the user's email name. Loaded on first use.
 */
export function isCommonPassword(password: string, email?: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase()));
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  const emailName = email?.split('@')[0]?.toLowerCase();
  return emailName !== undefined && emailName.length > 0 && (lowered === emailName || lowered === email?.toLowerCase());
}
