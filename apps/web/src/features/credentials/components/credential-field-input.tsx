import type { IntegrationField } from '@claraverse/shared';
import { useId, type ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { inputKindOf, jsonProblemOf } from '../lib/credential-form-values';
import { SecretInput } from './secret-input';

interface CredentialFieldInputProps {
  field: IntegrationField;
  value: string;
  error: string | undefined;
  /** Editing a credential that holds a value for this field: empty means "keep it". */
  isStored: boolean;
  onChange: (value: string) => void;
  /** A problem found before sending (JSON that does not parse), shown as the field's error. */
  onProblem: (problem: string | null) => void;
}

const textareaClasses =
  'min-h-28 w-full rounded-lg border border-zinc-300 bg-white p-2.5 font-mono text-sm text-zinc-900 placeholder:text-zinc-400 focus-visible:border-violet-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-violet-600/40 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-400';

/** What the hint says about a stored value, which the form never shows. */
function storedHint(field: IntegrationField): string {
  return field.sensitive
    ? 'A value is stored. Leave this empty to keep it; type a new one to replace it.'
    : 'A value is stored (not shown here). Leave this untouched to keep it; type a new one to replace it.';
}

/**
 * One field of an integration's credential, entered the way its type asks: secrets masked with show/hide, URLs
 * as URLs, a select with its options, JSON in a text area checked when it loses focus. A required field is
 * marked, its help text and any error sit under it.
 */
export function CredentialFieldInput({ field, value, error, isStored, onChange, onProblem }: CredentialFieldInputProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint = [field.helpText, isStored ? storedHint(field) : null].filter(Boolean).join(' ');
  const controlProps = {
    id,
    required: field.required && !isStored,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined,
  };
  const placeholder = isStored ? (field.sensitive ? 'Stored — type to replace' : 'Stored value kept') : field.placeholder;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {field.label}
        </label>
        {field.required ? <span aria-hidden="true" className="text-sm font-medium text-red-700 dark:text-red-400">*</span> : null}
        {isStored ? <Badge tone="success">set</Badge> : null}
      </div>
      <Control field={field} value={value} placeholder={placeholder} isStored={isStored} controlProps={controlProps} onChange={onChange} onProblem={onProblem} />
      {hint ? <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
      {error ? <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

interface ControlProps extends Pick<CredentialFieldInputProps, 'field' | 'value' | 'isStored' | 'onChange' | 'onProblem'> {
  placeholder: string | undefined;
  controlProps: { id: string; required: boolean; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };
}

function Control({ field, value, placeholder, isStored, controlProps, onChange, onProblem }: ControlProps): ReactNode {
  const kind = inputKindOf(field);
  if (kind === 'select') {
    const emptyLabel = isStored ? 'Keep the stored value' : 'Choose…';
    const hasEmptyOption = isStored || !field.required || !field.default;
    const options = [...(hasEmptyOption ? [{ value: '', label: emptyLabel }] : []), ...(field.options ?? []).map((option) => ({ value: option, label: option }))];
    return <Select {...controlProps} options={options} value={value} onChange={(event) => onChange(event.target.value)} />;
  }
  if (kind === 'json') {
    return (
      <textarea
        {...controlProps}
        rows={5}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => onProblem(value.trim() === '' ? null : jsonProblemOf(value))}
        className={textareaClasses}
      />
    );
  }
  if (kind === 'secret') {
    return (
      <SecretInput
        {...controlProps}
        label={field.label}
        revealedType={field.type === 'webhook_url' ? 'url' : 'text'}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <Input
      {...controlProps}
      type={kind === 'url' ? 'url' : 'text'}
      inputMode={kind === 'url' ? 'url' : undefined}
      autoComplete="off"
      spellCheck={false}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
