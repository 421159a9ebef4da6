import type { IntegrationDirectory } from '../integrations/integration-directory.js';
import { ValidationError } from '../platform/errors/app-error.js';
import type { CredentialRow } from '../platform/database/tables.js';
import type { CredentialSeal } from './credential-seal.js';
import type { CredentialsRepository } from './credentials.repository.js';

export interface CredentialResolverDeps {
  repository: CredentialsRepository;
  seal: CredentialSeal;
  directory: Pick<IntegrationDirectory, 'find'>;
  now: () => Date;
}

const nameOf = (directory: CredentialResolverDeps['directory'], integrationId: string) => directory.find(integrationId)?.name ?? integrationId;

/** The newer of a credential's last use and its creation: a credential just added wins over one used before. */
const recency = (row: CredentialRow) => (row.last_used_at && row.last_used_at > row.created_at ? row.last_used_at : row.created_at);

/**
 * The narrow resolver tools get their credentials through (`ToolContext.getCredential`): for one user, only
 * credentials of the integration asked for — the one the call chose (a workflow block's setting), else the most
 * recently used or added. A chosen id of another integration or another user is refused with the same message
 * (nothing is decrypted, nothing tells whether it exists). Each answer counts as a use.
 */
export function createCredentialResolver(deps: CredentialResolverDeps) {
  return function credentialsFor(userId: string, chosen?: Readonly<Record<string, string>>) {
    return async (integrationId: string): Promise<Readonly<Record<string, string>>> => {
      const name = nameOf(deps.directory, integrationId);
      const chosenId = chosen?.[integrationId];
      let row: CredentialRow | undefined;
      if (chosenId) {
        row = await deps.repository.findOfUser(userId, chosenId);
        if (!row || row.integration_type !== integrationId) {
          throw new ValidationError(`The credential chosen for ${name} is not one of your ${name} credentials; pick another in the block's settings.`);
        }
      } else {
        const rows = await deps.repository.listOfUser(userId, integrationId);
        row = rows.sort((left, right) => recency(right).localeCompare(recency(left)))[0];
        if (!row) throw new ValidationError(`Add a ${name} credential on the Credentials page to use this tool.`);
      }
      const values = deps.seal.open({ userId, id: row.id, encryptedData: row.encrypted_data, keyId: row.key_id });
      await deps.repository.markUsed(row.id, deps.now().toISOString());
      return values;
    };
  };
}
export type CredentialResolver = ReturnType<typeof createCredentialResolver>;
