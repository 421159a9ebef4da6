import type { ComponentProps } from 'react';
import { classNames } from '../../lib/class-names';

export interface TextareaProps extends ComponentProps<'textarea'> {
  /** Monospaced text, for code, expressions and JSON. */
  isCode?: boolean;
}

/** A multi-line text input styled like `Input`; pair it with `Field` for its label and error. */
export function Textarea({ className, isCode = false, ...rest }: TextareaProps) {
  return (
    <textarea
      className={classNames(
        'w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400',
        'focus-visible:border-violet-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-violet-600/40',
        'aria-invalid:border-red-600 disabled:opacity-60',
        'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-400',
        isCode && 'font-mono text-[13px] leading-5',
        className,
      )}
      {...rest}
    />
  );
}
