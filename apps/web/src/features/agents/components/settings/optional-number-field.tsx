import { Field } from '../../../../components/ui/field';
import { Input } from '../../../../components/ui/input';

interface OptionalNumberFieldProps {
  label: string;
  hint?: string;
  range: [number, number];
  step?: number;
  /** The default that applies when the field is empty (shown as its placeholder). */
  placeholder: number;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** A number that may be left empty for the engine's default, shown as the placeholder. */
export function OptionalNumberField({ label, hint, range, step, placeholder, value, onChange }: OptionalNumberFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <Input
          {...control}
          type="number"
          min={range[0]}
          max={range[1]}
          step={step}
          placeholder={String(placeholder)}
          value={value === undefined ? '' : String(value)}
          onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
        />
      )}
    </Field>
  );
}
