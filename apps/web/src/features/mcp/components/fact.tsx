import type { ReactNode } from 'react';

/** A label and its value in a `<dl>`. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}
