import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Input, type InputProps } from '../../../components/ui/input';

interface SecretInputProps extends Omit<InputProps, 'type'> {
  /** What the toggle's label names ("Show API key"). */
  label: string;
  /** The input's type while shown (`url` for a webhook URL). */
  revealedType?: 'text' | 'url';
}

/** A masked input with a button that shows and hides what was typed (secrets are typed blind otherwise). */
export function SecretInput({ label, revealedType = 'text', className, ...rest }: SecretInputProps) {
  const [isRevealed, setIsRevealed] = useState(false);
  return (
    <span className="relative flex w-full">
      <Input
        {...rest}
        type={isRevealed ? revealedType : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        className={['pr-11 font-mono', className].filter(Boolean).join(' ')}
      />
      <button
        type="button"
        aria-label={`${isRevealed ? 'Hide' : 'Show'} ${label}`}
        aria-pressed={isRevealed}
        onClick={() => setIsRevealed((current) => !current)}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-lg text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-violet-600 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        {isRevealed ? <EyeOff aria-hidden="true" className="size-4" /> : <Eye aria-hidden="true" className="size-4" />}
      </button>
    </span>
  );
}
