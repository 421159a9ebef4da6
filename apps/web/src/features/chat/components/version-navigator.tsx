import { ChevronLeft, ChevronRight } from 'lucide-react';

interface VersionNavigatorProps {
  /** 1-based position of the version on screen. */
  current: number;
  total: number;
  onSelect: (index: number) => void;
  /** "version" for replies, "edit" for user messages. */
  noun: string;
}

/** ‹ 2/3 › between the versions of a reply or the edits of a message. */
export function VersionNavigator({ current, total, onSelect, noun }: VersionNavigatorProps) {
  if (total < 2) return null;
  const buttonClasses =
    'rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
  return (
    <span className="inline-flex items-center text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      <button type="button" className={buttonClasses} disabled={current <= 1} onClick={() => onSelect(current - 2)} aria-label={`Previous ${noun}`}>
        <ChevronLeft aria-hidden="true" className="size-4" />
      </button>
      <span aria-label={`${noun} ${current} of ${total}`}>
        {current}/{total}
      </span>
      <button type="button" className={buttonClasses} disabled={current >= total} onClick={() => onSelect(current)} aria-label={`Next ${noun}`}>
        <ChevronRight aria-hidden="true" className="size-4" />
      </button>
    </span>
  );
}
