import { ValidationError } from '../platform/errors/app-error.js';
import type { ToolContext } from '../tools/define-tool.js';
import type { CredentialValues } from './define-integration.js';

/** Which integration a tool reads, as people know it. */
export interface CredentialOwner {
  /** The integration id (`slack`). */
  id: string;
  /** Its name (`Slack`), for messages. */
  name: string;
}

/**
 * Checks that `values` carry every key of `required` (non-blank), so a tool or a credential test fails with a
 * sentence naming the missing field before anything is sent.
 * @throws ValidationError naming the missing fields
 */
export function requireValues(values: CredentialValues, owner: CredentialOwner, required: readonly string[]): CredentialValues {
  const missing = required.filter((key) => !values[key]?.trim());
  if (missing.length > 0) {
    throw new ValidationError(
      `The ${owner.name} credential has no ${missing.map((key) => `"${key}"`).join(', ')}; edit it on the Credentials page.`,
      missing.map((key) => ({ path: key, message: 'Required' })),
    );
  }
  return values;
}

/**
 * The caller's credential of `owner` with its required values present: what every integration tool does first.
 * @throws ValidationError when the run has no user (no credential getter), no credential, or a missing value
 */
export async function requireCredential(
  context: Pick<ToolContext, 'getCredential'>,
  owner: CredentialOwner,
  required: readonly string[],
): Promise<CredentialValues> {
  if (!context.getCredential) {
    throw new ValidationError(`Add a ${owner.name} credential on the Credentials page to use this tool.`);
  }
  return requireValues(await context.getCredential(owner.id), owner, required);
}
