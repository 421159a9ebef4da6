import type { Credential } from '@claraverse/shared';
import { Field } from '../../../components/ui/field';
import { Select } from '../../../components/ui/select';
import { describeError } from '../../../lib/error-messages';
import { credentialsPagePath } from '../api/block-settings-paths';
import { useBlockCredentials } from '../api/list-block-credentials';

interface CredentialPickerProps {
  label: string;
  /** Only credentials of these integrations are offered (`rest_api`, `slack`). */
  integrationTypes: readonly string[];
  value: string | undefined;
  onChange: (credentialId: string | undefined) => void;
  hint?: string;
  /** Words for the "add one" link (`a Slack credential`). */
  kind: string;
}

const none = '';

function optionLabel(credential: Credential): string {
  return `${credential.name} · ${credential.maskedPreview}`;
}

/** A credential of the user, filtered by integration, with a link to add one on the Credentials page. */
export function CredentialPicker({ label, integrationTypes, value, onChange, hint, kind }: CredentialPickerProps) {
  const credentials = useBlockCredentials();
  const fitting = (credentials.data ?? []).filter((credential) => integrationTypes.includes(credential.integrationType));
  const isMissing = value !== undefined && credentials.isSuccess && !fitting.some((credential) => credential.id === value);
  const error = credentials.isError
    ? `The credentials could not be loaded. ${describeError(credentials.error)}`
    : isMissing
      ? 'This credential no longer exists (or is of another kind); choose another.'
      : undefined;
  const options = [
    { value: none, label: credentials.isLoading ? 'Loading credentials…' : fitting.length === 0 ? `No ${kind} yet` : 'None' },
    ...fitting.map((credential) => ({ value: credential.id, label: optionLabel(credential) })),
    ...(isMissing ? [{ value, label: 'Missing credential' }] : []),
  ];
  return (
    <Field
      label={label}
      error={error}
      hint={
        <>
          {hint === undefined ? null : `${hint} `}
          <a href={credentialsPagePath} target="_blank" rel="noreferrer" className="font-medium text-violet-700 underline-offset-2 hover:underline dark:text-violet-400">
            {`Add ${kind}`}
          </a>
        </>
      }
    >
      {(control) => (
        <Select {...control} disabled={credentials.isLoading} options={options} value={value ?? none} onChange={(event) => onChange(event.target.value === none ? undefined : event.target.value)} />
      )}
    </Field>
  );
}
