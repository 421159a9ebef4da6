import { Sparkles } from 'lucide-react';

/** The product mark and instance name (`compact`: the mark only, the name for assistive technology). */
export function BrandMark({ instanceName, compact = false }: { instanceName: string; compact?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2.5" title={compact ? instanceName : undefined}>
      <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-violet-700 text-white dark:bg-violet-600">
        <Sparkles aria-hidden="true" className="size-4.5" />
      </span>
      <span className={compact ? 'sr-only' : 'truncate text-base font-semibold tracking-tight text-zinc-900 dark:text-zinc-50'}>
        {instanceName}
      </span>
    </span>
  );
}
