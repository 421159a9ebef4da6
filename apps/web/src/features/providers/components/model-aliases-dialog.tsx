import { createModelAliasBodySchema, type Model } from '@claraverse/shared';
import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/error-messages';
import { useModelAliases, useModelAliasMutations } from '../api/model-aliases';

/** Other names a model answers to (resolved first in chat and agents), e.g. `fast` → `llama3.2:3b`. */
export function ModelAliasesDialog({ model, onClose }: { model: Model; onClose: () => void }) {
  const aliasesQuery = useModelAliases(model.id);
  const { create, remove } = useModelAliasMutations(model.id);
  const [alias, setAlias] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createModelAliasBodySchema.safeParse({ alias });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    create.mutate(parsed.data, { onSuccess: () => setAlias('') });
  };

  return (
    <Dialog isOpen title={`Aliases of ${model.displayName}`} description="Names that resolve to this model." onClose={onClose}>
      {aliasesQuery.isPending ? <Spinner label="Loading aliases" /> : null}
      {aliasesQuery.isError ? <Alert tone="error">{describeError(aliasesQuery.error)}</Alert> : null}
      {create.isError || remove.isError ? <Alert tone="error">{describeError(create.error ?? remove.error)}</Alert> : null}
      <ul className="mb-4 flex flex-col gap-1">
        {(aliasesQuery.data ?? []).map((entry) => (
          <li key={entry.alias} className="flex items-center justify-between rounded-md bg-zinc-100 px-2.5 py-1 text-sm dark:bg-zinc-800">
            <code>{entry.alias}</code>
            <Button size="small" variant="ghost" aria-label={`Remove alias ${entry.alias}`} onClick={() => remove.mutate(entry.alias)} icon={<Trash2 aria-hidden="true" className="size-3.5" />} />
          </li>
        ))}
        {aliasesQuery.data?.length === 0 ? <li className="text-sm text-zinc-500">No aliases yet.</li> : null}
      </ul>
      <form noValidate onSubmit={handleAdd} className="flex items-end gap-2">
        <div className="flex-1">
          <Field label="New alias" error={fieldError}>
            {(controlProps) => <Input {...controlProps} value={alias} onChange={(event) => setAlias(event.target.value)} placeholder="fast" />}
          </Field>
        </div>
        <Button type="submit" isLoading={create.isPending}>
          Add
        </Button>
      </form>
    </Dialog>
  );
}
