import { Plus, X } from 'lucide-react';
import { useId } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { emptySecretRow, type SecretRow } from './mcp-server-form-values';

interface SecretRowsEditorProps {
  legend: string;
  hint: string;
  /** "variable" or "header", for the buttons and labels. */
  noun: string;
  namePlaceholder: string;
  rows: SecretRow[];
  error?: string | undefined;
  onChange: (rows: SecretRow[]) => void;
}

/**
 * Name/value rows whose values are write-only: a stored value is never shown, its row says "set" and keeps the
 * value unless a new one is typed. A stored row's name is fixed; remove the row to drop the value.
 */
export function SecretRowsEditor({ legend, hint, noun, namePlaceholder, rows, error, onChange }: SecretRowsEditorProps) {
  const id = useId();
  const update = (rowId: string, changes: Partial<SecretRow>) =>
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...changes } : row)));
  return (
    <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {hint}
      </p>
      {rows.map((row, index) => (
        <div key={row.rowId} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-2 sm:flex-row sm:items-center sm:border-0 sm:p-0 dark:border-zinc-800">
          <Input
            aria-label={`${noun} ${index + 1} name`}
            value={row.name}
            readOnly={row.isStored}
            placeholder={namePlaceholder}
            autoComplete="off"
            spellCheck={false}
            className="font-mono sm:w-2/5 read-only:bg-zinc-50 dark:read-only:bg-zinc-800/60"
            onChange={(event) => update(row.rowId, { name: event.target.value })}
          />
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <Input
              aria-label={`${noun} ${index + 1} value`}
              type="password"
              autoComplete="new-password"
              value={row.value}
              placeholder={row.isStored ? 'set — type to replace' : 'value'}
              onChange={(event) => update(row.rowId, { value: event.target.value })}
            />
            {row.isStored ? <Badge tone="success">set</Badge> : null}
            <button
              type="button"
              aria-label={`Remove ${noun} ${row.name || index + 1}`}
              onClick={() => onChange(rows.filter((candidate) => candidate.rowId !== row.rowId))}
              className="shrink-0 rounded-md p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" icon={<Plus aria-hidden="true" className="size-3.5" />} onClick={() => onChange([...rows, emptySecretRow()])}>
          Add {noun}
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
