import { LoaderCircle } from 'lucide-react';
import { classNames } from '../../lib/class-names';

interface SpinnerProps {
  /** Read by screen readers; omit when a visible text already says what is loading. */
  label?: string;
  className?: string;
}

/** A spinning indicator. */
export function Spinner({ label, className }: SpinnerProps) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center">
      <LoaderCircle aria-hidden="true" className={classNames('size-4 animate-spin', className)} />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}

/** A centred spinner with a visible caption, for a page or panel that is loading. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center justify-center gap-2 py-16 text-sm text-zinc-500 dark:text-zinc-400">
      <Spinner className="size-5" />
      <span>{label}</span>
    </div>
  );
}
