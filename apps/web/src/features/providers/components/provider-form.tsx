import type { Provider, ProviderKind } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, type FieldErrors } from '../../../lib/form-errors';
import type { ProviderScope } from '../api/provider-scope';
import { useSaveProvider } from '../api/save-provider';
import { FiltersEditor } from './filters-editor';
import {
  baseUrlPresets,
  buildProviderBody,
  initialProviderFormValues,
  providerKindOptions,
  type ProviderFormValues,
} from './provider-form-values';

interface ProviderFormProps {
  scope: ProviderScope;
  /** Null to add a provider. */
  provider: Provider | null;
  onSaved: (provider: Provider) => void;
  onCancel: () => void;
}

const flagLabels: Record<keyof ProviderFormValues['flags'], { label: string; description: string }> = {
  secure: { label: 'Does not keep data', description: 'Shows a "secure" badge next to its models.' },
  imageOnly: { label: 'Image generation only', description: 'Used for generating images, not for chat.' },
  imageEditOnly: { label: 'Image editing only', description: 'Used for editing images, not for chat.' },
  audioOnly: { label: 'Audio transcription only', description: 'Hidden from the chat model list.' },
};

/** Add or edit a provider. The API key is write-only: an existing one shows as "stored" and is kept unless replaced. */
export function ProviderForm({ scope, provider, onSaved, onCancel }: ProviderFormProps) {
  const [values, setValues] = useState<ProviderFormValues>(() => initialProviderFormValues(provider));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const saveMutation = useSaveProvider(scope);
  const change = (changes: Partial<ProviderFormValues>) => setValues((current) => ({ ...current, ...changes }));

  const handleKindChange = (kind: ProviderKind) => {
    const wasPreset = Object.values(baseUrlPresets).some((presets) => presets.some((preset) => preset.url === values.baseUrl));
    change({ kind, ...(wasPreset || !values.baseUrl ? { baseUrl: baseUrlPresets[kind][0]?.url ?? '' } : {}) });
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const result = buildProviderBody(values, provider === null);
    if (!result.success) {
      setFieldErrors(result.fieldErrors);
      return;
    }
    setFieldErrors({});
    saveMutation.mutate({ providerId: provider?.id ?? null, body: result.body }, {
      onSuccess: onSaved,
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4" aria-label={provider ? `Edit ${provider.name}` : 'Add a provider'}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fieldErrors.name}>
          {(controlProps) => <Input {...controlProps} value={values.name} onChange={(event) => change({ name: event.target.value })} placeholder="My OpenAI account" />}
        </Field>
        <Field label="Kind" error={fieldErrors.kind}>
          {(controlProps) => (
            <Select {...controlProps} options={providerKindOptions} value={values.kind} onChange={(event) => handleKindChange(event.target.value as ProviderKind)} />
          )}
        </Field>
      </div>
      <Field
        label="Base URL"
        error={fieldErrors.baseUrl}
        hint={
          <span className="flex flex-wrap gap-1.5">
            Presets:
            {baseUrlPresets[values.kind].map((preset) => (
              <button key={preset.url} type="button" className="text-violet-700 underline dark:text-violet-400" onClick={() => change({ baseUrl: preset.url })}>
                {preset.label}
              </button>
            ))}
          </span>
        }
      >
        {(controlProps) => <Input {...controlProps} inputMode="url" value={values.baseUrl} onChange={(event) => change({ baseUrl: event.target.value })} />}
      </Field>
      <Field
        label="API key"
        error={fieldErrors.apiKey}
        hint={provider?.hasApiKey ? 'A key is stored (encrypted). Type a new one to replace it.' : 'Leave empty for local servers that need none.'}
      >
        {(controlProps) => (
          <div className="flex items-center gap-2">
            <Input
              {...controlProps}
              type="password"
              autoComplete="off"
              value={values.apiKey}
              onChange={(event) => change({ apiKey: event.target.value })}
              placeholder={provider?.hasApiKey ? '•••••••• stored' : 'sk-…'}
            />
            {provider?.hasApiKey ? <Badge tone="success">stored</Badge> : null}
          </div>
        )}
      </Field>
      {provider?.hasApiKey ? (
        <Checkbox label="Remove the stored key" isChecked={values.isRemovingApiKey} onChange={(isRemovingApiKey) => change({ isRemovingApiKey })} />
      ) : null}
      <Checkbox label="Enabled" description="Disabled providers keep their models but nobody can chat with them." isChecked={values.enabled} onChange={(enabled) => change({ enabled })} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Flags</legend>
        {(Object.keys(flagLabels) as Array<keyof ProviderFormValues['flags']>).map((flag) => (
          <Checkbox
            key={flag}
            label={flagLabels[flag].label}
            description={flagLabels[flag].description}
            isChecked={values.flags[flag]}
            onChange={(isChecked) => change({ flags: { ...values.flags, [flag]: isChecked } })}
          />
        ))}
      </fieldset>
      <Field label="System prompt (optional)" error={fieldErrors.systemPrompt} hint="Added to every chat with this provider's models.">
        {(controlProps) => (
          <textarea
            {...controlProps}
            rows={3}
            value={values.systemPrompt}
            onChange={(event) => change({ systemPrompt: event.target.value })}
            className="w-full rounded-lg border border-zinc-300 bg-white p-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        )}
      </Field>
      <FiltersEditor filters={values.filters} error={fieldErrors.filters} onChange={(filters) => change({ filters })} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={saveMutation.isPending}>
          {provider ? 'Save provider' : 'Add provider'}
        </Button>
      </div>
    </form>
  );
}
