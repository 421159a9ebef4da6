import { updateModelBodySchema, type Model, type ModelCapabilities } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useDeleteModel } from '../api/delete-model';
import { useUpdateModel } from '../api/update-model';

const capabilityLabels: Record<keyof ModelCapabilities, string> = {
  tools: 'Tool calls',
  vision: 'Vision (images)',
  streaming: 'Streaming',
  reasoning: 'Reasoning',
  structuredOutput: 'Structured output (JSON)',
};

/** Edits a model's display name, context length and capabilities; can also delete it. */
export function ModelEditDialog({ model, onClose }: { model: Model; onClose: () => void }) {
  const updateMutation = useUpdateModel();
  const deleteMutation = useDeleteModel();
  const [displayName, setDisplayName] = useState(model.displayName);
  const [contextLength, setContextLength] = useState(model.contextLength === null ? '' : String(model.contextLength));
  const [capabilities, setCapabilities] = useState(model.capabilities);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateModelBodySchema.safeParse({
      displayName,
      contextLength: contextLength.trim() ? Number(contextLength) : null,
      capabilities,
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    updateMutation.mutate(
      { modelId: model.id, changes: parsed.data },
      {
        onSuccess: () => {
          showToast(`${displayName} saved.`);
          onClose();
        },
        onError: (error) => setFormError(describeError(error)),
      },
    );
  };

  const handleDelete = () =>
    deleteMutation.mutate(model.id, {
      onSuccess: () => {
        showToast(`${model.displayName} deleted.`);
        onClose();
      },
      onError: (error) => setFormError(describeError(error)),
    });

  return (
    <Dialog isOpen title={`Edit ${model.displayName}`} description={model.name} onClose={onClose}>
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Field label="Display name" error={fieldErrors.displayName}>
          {(controlProps) => <Input {...controlProps} value={displayName} onChange={(event) => setDisplayName(event.target.value)} />}
        </Field>
        <Field label="Context length (tokens)" error={fieldErrors.contextLength} hint="Leave empty when unknown.">
          {(controlProps) => <Input {...controlProps} type="number" min={1} value={contextLength} onChange={(event) => setContextLength(event.target.value)} />}
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Capabilities</legend>
          {(Object.keys(capabilityLabels) as Array<keyof ModelCapabilities>).map((capability) => (
            <Checkbox
              key={capability}
              label={capabilityLabels[capability]}
              isChecked={capabilities[capability]}
              onChange={(isChecked) => setCapabilities((current) => ({ ...current, [capability]: isChecked }))}
            />
          ))}
        </fieldset>
        <div className="flex flex-wrap justify-between gap-2">
          <Button variant="danger" isLoading={deleteMutation.isPending} onClick={handleDelete}>
            Delete model
          </Button>
          <span className="flex gap-2">
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" isLoading={updateMutation.isPending}>
              Save
            </Button>
          </span>
        </div>
      </form>
    </Dialog>
  );
}
