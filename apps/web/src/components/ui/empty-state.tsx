import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** What a list or page shows when it has nothing in it yet. */
export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      {icon ? (
        <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300">
          {icon}
        </div>
      ) : null}
      <p className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</p>
      {description ? <div className="mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</div> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
