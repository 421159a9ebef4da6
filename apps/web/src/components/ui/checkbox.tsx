import { useId } from 'react';

interface CheckboxProps {
  label: string;
  description?: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
}

/** A checkbox with its label and an optional explanation. */
export function Checkbox({ label, description, isChecked, onChange }: CheckboxProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        checked={isChecked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={descriptionId}
        className="mt-0.5 size-4 shrink-0 accent-violet-700"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
