import { useId } from 'react';
import { classNames } from '../../lib/class-names';

export interface RadioOption<TValue extends string> {
  value: TValue;
  label: string;
  description?: string;
}

interface RadioGroupProps<TValue extends string> {
  legend: string;
  name: string;
  value: TValue;
  options: readonly RadioOption<TValue>[];
  onChange: (value: TValue) => void;
}

/** A set of cards, one radio button each, with a one-line explanation under every label. */
export function RadioGroup<TValue extends string>({ legend, name, value, options, onChange }: RadioGroupProps<TValue>) {
  const groupId = useId();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <div className="flex flex-col gap-2">
        {options.map((option) => {
          const id = `${groupId}-${option.value}`;
          const isSelected = option.value === value;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={classNames(
                'flex cursor-pointer gap-3 rounded-lg border px-3.5 py-3 transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-violet-600',
                isSelected
                  ? 'border-violet-600 bg-violet-50 dark:border-violet-500 dark:bg-violet-950/50'
                  : 'border-zinc-200 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800/60',
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={isSelected}
                onChange={() => onChange(option.value)}
                className="mt-0.5 size-4 accent-violet-700 focus-visible:outline-none"
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{option.label}</span>
                {option.description ? (
                  <span className="block text-sm text-zinc-600 dark:text-zinc-400">{option.description}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
