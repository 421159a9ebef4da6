import type { ReactNode } from 'react';
import { Field } from './field';
import { Input, type InputProps } from './input';

interface TextFieldProps extends Omit<InputProps, 'value' | 'onChange' | 'id'> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  value: string;
  /** Receives the new text. */
  onValueChange: (value: string) => void;
}

/** A labelled text input (the common case of `Field` + `Input`), tied to its hint and error. */
export function TextField({ label, error, hint, value, onValueChange, ...inputProps }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(controlProps) => <Input {...inputProps} {...controlProps} value={value} onChange={(event) => onValueChange(event.target.value)} />}
    </Field>
  );
}
