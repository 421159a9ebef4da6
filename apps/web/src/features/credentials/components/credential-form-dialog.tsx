import { composioIntegrationIdSchema, type Credential, type Integration } from '@claraverse/shared';
import { ExternalLink } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { fieldErrorsFromApiError, type FieldErrors } from '../../../lib/form-errors';
import { useSaveCredential } from '../api/save-credential';
import { buildCredentialBody, initialCredentialFormValues, withFieldValue, type CredentialFormValues } from '../lib/credential-form-values';
import { describeCredentialError } from '../lib/describe-credential-error';
import { CredentialFieldInput } from './credential-field-input';

interface CredentialFormDialogProps {
  integration: Integration;
  /** Null to add a credential of the integration. */
  credential: Credential | null;
  onClose: () => void;
  onSaved: (credential: Credential) => void;
}

/**
 * Adds or edits a credential in a dialog whose fields come from the integration. The values are write-only:
 * on edit every field starts empty, a stored one says so and is kept unless replaced. Problems found before
 * sending and those the server names (`data.<field>`) show under their fields.
 */
export function CredentialFormDialog({ integration, credential, onClose, onSaved }: CredentialFormDialogProps) {
  const [form, setForm] = useState<CredentialFormValues>(() => initialCredentialFormValues(integration, credential));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const saveMutation = useSaveCredential();
  const title = credential ? `Edit ${credential.name}` : `Add a ${integration.name} credential`;
  // A Composio connection's only value is the account Composio signed in: it is renamed here, never retyped.
  const fields = composioIntegrationIdSchema.safeParse(integration.id).success ? [] : integration.fields;

  const setFieldError = (key: string, problem: string | null) =>
    setFieldErrors(({ [key]: _previous, ...rest }) => (problem ? { ...rest, [key]: problem } : rest));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const result = buildCredentialBody({ ...integration, fields }, form, credential);
    if (!result.success) {
      setFieldErrors(result.fieldErrors);
      setFormError('Some fields need attention.');
      return;
    }
    setFieldErrors({});
    saveMutation.mutate({ credentialId: credential?.id ?? null, body: result.body }, {
      onSuccess: onSaved,
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeCredentialError(error));
      },
    });
  };

  return (
    <Dialog
      isOpen
      title={title}
      description={<IntegrationDescription integration={integration} />}
      onClose={onClose}
    >
      <form noValidate onSubmit={handleSubmit} aria-label={title} className="flex flex-col gap-4">
        <div className="-mx-1 flex max-h-[60dvh] flex-col gap-4 overflow-y-auto px-1 pb-1">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <TextField
            label="Name"
            value={form.name}
            onValueChange={(name) => setForm((current) => ({ ...current, name }))}
            error={fieldErrors.name}
            maxLength={100}
            autoComplete="off"
            hint="To tell your credentials apart, e.g. “Team Slack”."
          />
          {fields.map((field) => (
            <CredentialFieldInput
              key={field.key}
              field={field}
              value={form.values[field.key] ?? ''}
              error={fieldErrors[field.key]}
              isStored={credential?.configuredFields.includes(field.key) ?? false}
              onChange={(value) => {
                setForm((current) => withFieldValue(current, field.key, value));
                if (fieldErrors[field.key]) setFieldError(field.key, null);
              }}
              onProblem={(problem) => setFieldError(field.key, problem)}
            />
          ))}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={saveMutation.isPending}>
            {credential ? 'Save changes' : 'Save credential'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The integration's description and a link to where its documentation explains how to get the credential. */
function IntegrationDescription({ integration }: { integration: Integration }) {
  return (
    <>
      {integration.description}{' '}
      <a href={integration.docsUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-0.5 font-medium text-violet-700 underline-offset-2 hover:underline dark:text-violet-400">
        How to get it
        <ExternalLink aria-hidden="true" className="size-3.5" />
        <span className="sr-only">(opens {integration.name}'s documentation in a new tab)</span>
      </a>
    </>
  );
}
