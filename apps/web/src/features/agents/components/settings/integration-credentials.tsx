import { useBlockCredentials } from '../../api/list-block-credentials';
import { useTools } from '../../api/list-tools';
import { CredentialPicker } from '../../pickers/credential-picker';
import { useConfigValue } from './config-fields';

/** `slack` → `Slack`, `google_sheets` → `Google sheets`. */
export function integrationLabel(integration: string): string {
  const words = integration.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One credential picker per integration the block's tools need (`config.credentials`, a list of credential ids):
 * choosing one replaces that integration's previous choice; ids of other integrations are kept.
 */
export function IntegrationCredentials({ blockId, toolNames }: { blockId: string; toolNames: readonly string[] }) {
  const tools = useTools();
  const credentials = useBlockCredentials();
  const [value, setValue] = useConfigValue(blockId, 'credentials');
  const chosen = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  const integrations = [...new Set((tools.data ?? []).filter((tool) => toolNames.includes(tool.name) && tool.integration !== undefined).map((tool) => tool.integration!))].sort();
  if (integrations.length === 0) return null;
  const integrationOf = new Map((credentials.data ?? []).map((credential) => [credential.id, credential.integrationType]));
  const choose = (integration: string, credentialId: string | undefined) => {
    const kept = chosen.filter((id) => integrationOf.get(id) !== integration);
    const next = credentialId === undefined ? kept : [...kept, credentialId];
    setValue(next.length === 0 ? undefined : next);
  };
  return (
    <div className="flex flex-col gap-3">
      {integrations.map((integration) => (
        <CredentialPicker
          key={integration}
          label={`${integrationLabel(integration)} credential`}
          kind={`a ${integrationLabel(integration)} credential`}
          hint="Empty: your default one."
          integrationTypes={[integration]}
          value={chosen.find((id) => integrationOf.get(id) === integration)}
          onChange={(credentialId) => choose(integration, credentialId)}
        />
      ))}
    </div>
  );
}
