import { updateInstanceSettingsBodySchema, type InstanceSettings, type RegistrationMode } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { RadioGroup } from '../../../components/ui/radio-group';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useInstanceSettings } from '../api/get-instance-settings';
import { useUpdateInstanceSettings } from '../api/update-instance-settings';

const registrationModeOptions = [
  { value: 'open', label: 'Open', description: 'Anyone who can reach this instance can create an account and start at once.' },
  { value: 'approval', label: 'Approval', description: 'Anyone can register, but an administrator must approve them first.' },
  { value: 'closed', label: 'Closed', description: 'Nobody can register; only existing accounts can sign in.' },
] as const;

/** Instance name and registration mode. Only changed settings are sent. */
export function InstanceSettingsForm() {
  const settingsQuery = useInstanceSettings();
  return (
    <Card>
      <CardHeader title="Instance" description="Applies to everyone on this ClaraVerse." />
      <CardBody>
        {settingsQuery.isPending ? <LoadingState label="Loading settings…" /> : null}
        {settingsQuery.isError ? <Alert tone="error">{describeError(settingsQuery.error)}</Alert> : null}
        {settingsQuery.data ? <SettingsFields saved={settingsQuery.data} /> : null}
      </CardBody>
    </Card>
  );
}

function SettingsFields({ saved }: { saved: InstanceSettings }) {
  const updateMutation = useUpdateInstanceSettings();
  const [draft, setDraft] = useState<InstanceSettings>(saved);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const changes = {
      ...(draft.instanceName !== saved.instanceName ? { instanceName: draft.instanceName } : {}),
      ...(draft.registrationMode !== saved.registrationMode ? { registrationMode: draft.registrationMode } : {}),
    };
    if (Object.keys(changes).length === 0) {
      showToast('Nothing to save: no setting changed.');
      return;
    }
    const parsed = updateInstanceSettingsBodySchema.safeParse(changes);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      if (errors.instanceName) errors.instanceName = 'Use 1 to 80 characters';
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    updateMutation.mutate(parsed.data, {
      onSuccess: () => showToast('Instance settings saved.'),
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex max-w-xl flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Instance name" error={fieldErrors.instanceName} hint="Shown in the sidebar and on the sign-in page.">
        {(controlProps) => (
          <Input
            {...controlProps}
            value={draft.instanceName}
            maxLength={80}
            onChange={(event) => setDraft({ ...draft, instanceName: event.target.value })}
          />
        )}
      </Field>
      <RadioGroup<RegistrationMode>
        legend="Registration"
        name="registrationMode"
        value={draft.registrationMode}
        options={registrationModeOptions}
        onChange={(registrationMode) => setDraft({ ...draft, registrationMode })}
      />
      <div>
        <Button type="submit" isLoading={updateMutation.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
