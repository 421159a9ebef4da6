import { Brain, ChevronRight } from 'lucide-react';
import { classNames } from '../../../lib/class-names';

/** "Thought for 12 s", or "Thinking…" while the reasoning still streams. */
export function describeThinking(durationMilliseconds: number | null): string {
  if (durationMilliseconds === null) return 'Thinking…';
  const seconds = Math.max(1, Math.round(durationMilliseconds / 1000));
  return seconds < 60 ? `Thought for ${seconds} s` : `Thought for ${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The model's reasoning, collapsed by default (a native disclosure: no state, works without JS focus tricks). */
export function ReasoningBlock({ reasoning, durationMilliseconds }: { reasoning: string; durationMilliseconds: number | null }) {
  return (
    <details className="group mb-2 rounded-lg border border-zinc-200 text-sm dark:border-zinc-800">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-1.5 text-zinc-600 select-none dark:text-zinc-400">
        <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
        <Brain aria-hidden="true" className={classNames('size-4', durationMilliseconds === null && 'animate-pulse')} />
        {describeThinking(durationMilliseconds)}
      </summary>
      <div className="border-t border-zinc-200 px-3 py-2 whitespace-pre-wrap text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {reasoning}
      </div>
    </details>
  );
}
