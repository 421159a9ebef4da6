import { CredentialPicker } from '../../pickers/credential-picker';
import type { TypeSettingsProps } from './basic-type-settings';
import { ConfigSelect, ConfigTextArea, ConfigTextField, useConfigValue } from './config-fields';
import { DraftTextArea, headerLines } from './draft-text-area';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].map((method) => ({ value: method, label: method }));

/** The integrations whose credentials the server applies to an HTTP request (auth headers, base URL). */
const httpCredentialTypes = ['rest_api', 'custom_webhook'];

/** `http_request`: method, URL, headers and body (templates with `{{…}}` autocomplete in all of them), a credential. */
export function HttpRequestSettings({ blockId, paths }: TypeSettingsProps) {
  const [credentialId, setCredentialId] = useConfigValue(blockId, 'credentialId');
  return (
    <>
      <div className="grid grid-cols-[7rem_1fr] gap-3">
        <ConfigSelect blockId={blockId} configKey="method" label="Method" fallback="GET" options={methods} />
        <ConfigTextField blockId={blockId} configKey="url" label="URL" placeholder="https://api.example.com/items" paths={paths} />
      </div>
      <CredentialPicker
        label="Credential"
        kind="a REST API or webhook credential"
        hint="Adds its authentication; only sent to its own address."
        integrationTypes={httpCredentialTypes}
        value={typeof credentialId === 'string' && credentialId !== '' ? credentialId : undefined}
        onChange={setCredentialId}
      />
      <DraftTextArea key={`${blockId}-headers`} blockId={blockId} configKey="headers" label="Headers" hint="One “Name: value” per line." paths={paths} {...headerLines} />
      <ConfigTextArea blockId={blockId} configKey="body" label="Body" rows={4} isCode paths={paths} />
    </>
  );
}
