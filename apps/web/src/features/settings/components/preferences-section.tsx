import {
  updateUserPreferencesBodySchema,
  type UpdateUserPreferencesBody,
  type UserPreferences,
} from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { RadioGroup } from '../../../components/ui/radio-group';
import { Select } from '../../../components/ui/select';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { usePreferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';

const themeOptions = [
  { value: 'system', label: 'Match my device' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

const fontSizeOptions = [
  { value: 'small', label: 'Small' },
  { value: 'medium', label: 'Medium' },
  { value: 'large', label: 'Large' },
] as const;

const privacyOptions = [
  { value: 'local', label: 'Local', description: 'Conversations stay in this browser and are never stored on the server.' },
  { value: 'cloud', label: 'Cloud', description: 'Conversations are saved on the server so you can continue them anywhere.' },
] as const;

/** The fields of `draft` that differ from `saved`: PUT takes a partial body. */
function changedFields(saved: UserPreferences, draft: UserPreferences): UpdateUserPreferencesBody {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as Array<keyof UserPreferences>) {
    if (draft[key] !== saved[key]) changes[key] = draft[key];
  }
  return changes as UpdateUserPreferencesBody;
}

/** Appearance, chat privacy and memory preferences. */
export function PreferencesSection() {
  const preferencesQuery = usePreferences();
  return (
    <Card>
      <CardHeader title="Preferences" description="Saved to your account, so they follow you to every device." />
      <CardBody>
        {preferencesQuery.isPending ? <LoadingState label="Loading your preferences…" /> : null}
        {preferencesQuery.isError ? <Alert tone="error">{describeError(preferencesQuery.error)}</Alert> : null}
        {preferencesQuery.data ? <PreferencesForm saved={preferencesQuery.data} /> : null}
      </CardBody>
    </Card>
  );
}

/** The form, started from the saved preferences; only what differs from `saved` is sent. */
function PreferencesForm({ saved }: { saved: UserPreferences }) {
  const updateMutation = useUpdatePreferences();
  const [draft, setDraft] = useState<UserPreferences>(saved);
  const [thresholdText, setThresholdText] = useState(String(saved.memoryExtractionThreshold));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const update = <TKey extends keyof UserPreferences>(key: TKey, value: UserPreferences[TKey]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const threshold = thresholdText.trim() === '' ? Number.NaN : Number(thresholdText);
    const parsed = updateUserPreferencesBodySchema.safeParse(
      changedFields(saved, { ...draft, memoryExtractionThreshold: threshold }),
    );
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      if (errors.memoryExtractionThreshold) errors.memoryExtractionThreshold = 'Enter a whole number from 2 to 500';
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    if (Object.keys(parsed.data).length === 0) {
      showToast('Nothing to save: no preference changed.');
      return;
    }
    updateMutation.mutate(parsed.data, {
      onSuccess: () => showToast('Preferences saved.'),
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex max-w-xl flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Theme" error={fieldErrors.theme}>
          {(controlProps) => (
            <Select
              {...controlProps}
              options={themeOptions}
              value={draft.theme}
              onChange={(event) => update('theme', event.target.value as UserPreferences['theme'])}
            />
          )}
        </Field>
        <Field label="Text size" error={fieldErrors.fontSize}>
          {(controlProps) => (
            <Select
              {...controlProps}
              options={fontSizeOptions}
              value={draft.fontSize}
              onChange={(event) => update('fontSize', event.target.value as UserPreferences['fontSize'])}
            />
          )}
        </Field>
      </div>
      <RadioGroup
        legend="Chat privacy"
        name="chatPrivacyMode"
        value={draft.chatPrivacyMode}
        options={privacyOptions}
        onChange={(value) => update('chatPrivacyMode', value)}
      />
      <div className="flex flex-col gap-4">
        <Checkbox
          label="Memory"
          description="Let assistants remember useful facts about you between conversations."
          isChecked={draft.memoryEnabled}
          onChange={(isChecked) => update('memoryEnabled', isChecked)}
        />
        <Field
          label="Messages between memory extractions"
          error={fieldErrors.memoryExtractionThreshold}
          hint="How many messages pass before new facts are extracted (2 to 500)."
        >
          {(controlProps) => (
            <Input
              {...controlProps}
              type="number"
              inputMode="numeric"
              min={2}
              max={500}
              className="max-w-32"
              value={thresholdText}
              disabled={!draft.memoryEnabled}
              onChange={(event) => setThresholdText(event.target.value)}
            />
          )}
        </Field>
        <Checkbox
          label="Keep agent builder history"
          description="Store the conversation you had with the agent builder next to each agent."
          isChecked={draft.storeBuilderChatHistory}
          onChange={(isChecked) => update('storeBuilderChatHistory', isChecked)}
        />
      </div>
      <div>
        <Button type="submit" isLoading={updateMutation.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
