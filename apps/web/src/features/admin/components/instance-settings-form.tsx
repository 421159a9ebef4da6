import { fieldIssueSchema, updateInstanceSettingsBodySchema, type InstanceSettings, type RegistrationMode } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { RadioGroup } from '../../../components/ui/radio-group';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useInstanceSettings } from '../api/get-instance-settings';
import { useUpdateInstanceSettings } from '../api/update-instance-settings';

const registrationModeOptions = [
  { value: 'open', label: 'Open', description: 'Anyone who can reach this instance can create an account and start at once.' },
  { value: 'approval', label: 'Approval', description: 'Anyone can register, but an administrator must approve them first.' },
  { value: 'closed', label: 'Closed', description: 'Nobody can register; only existing accounts can sign in.' },
] as const;

/** One entry per line (commas also split), blanks dropped. */
function parseAllowlistText(text: string): string[] {
  return text.split(/[\n,]/).map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}

/** The server names bad allow-list entries by index (`outboundAllowlist.2`); its sentence lists them all. */
function allowlistErrorFrom(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const issues = z.array(fieldIssueSchema).safeParse(error.details);
  const isAboutAllowlist = issues.success && issues.data.some((issue) => issue.path.startsWith('outboundAllowlist'));
  return isAboutAllowlist ? { outboundAllowlist: error.message } : {};
}

function sameEntries(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((entry, index) => entry === right[index]);
}

/** Instance name, registration mode and the outbound allow-list. Only changed settings are sent. */
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
  const [allowlistText, setAllowlistText] = useState(saved.outboundAllowlist.join('\n'));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const outboundAllowlist = parseAllowlistText(allowlistText);
    const changes = {
      ...(draft.instanceName !== saved.instanceName ? { instanceName: draft.instanceName } : {}),
      ...(draft.registrationMode !== saved.registrationMode ? { registrationMode: draft.registrationMode } : {}),
      ...(sameEntries(outboundAllowlist, saved.outboundAllowlist) ? {} : { outboundAllowlist }),
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
        setFieldErrors({ ...fieldErrorsFromApiError(error), ...allowlistErrorFrom(error) });
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
      <Field
        label="Outbound allow-list"
        error={fieldErrors.outboundAllowlist}
        hint="Private hosts and networks that tools, web scraping, downloads and webhooks may reach, one per line: a host (searx.lan, localhost:8080, *.corp.example), an IP address or a CIDR range (10.0.0.0/8). Everything private stays blocked unless listed here or in OUTBOUND_ALLOWLIST."
      >
        {(controlProps) => (
          <textarea
            {...controlProps}
            rows={4}
            spellCheck={false}
            placeholder={'searx.lan\n10.20.0.0/16'}
            value={allowlistText}
            onChange={(event) => setAllowlistText(event.target.value)}
            className="w-full rounded-lg border border-zinc-300 bg-white p-2.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        )}
      </Field>
      <div>
        <Button type="submit" isLoading={updateMutation.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
