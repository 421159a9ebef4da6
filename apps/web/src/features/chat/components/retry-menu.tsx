import { ChevronDown, RefreshCw } from 'lucide-react';
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../../lib/use-dismiss';
import { retryLabels } from '../lib/build-turns';
import type { RetryType } from '../lib/chat-types';

const retryTypes = Object.keys(retryLabels) as RetryType[];

/** Regenerate, with the reference's variants in a small menu. */
export function RetryMenu({ onRetry, isDisabled }: { onRetry: (retryType: RetryType) => void; isDisabled: boolean }) {
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);

  const handleDismiss = useCallback(() => setIsOpen(false), []);
  useDismiss(isOpen, containerRef, handleDismiss);

  const handleSelect = (retryType: RetryType) => {
    setIsOpen(false);
    onRetry(retryType);
  };

  const buttonClasses =
    'inline-flex items-center gap-1 rounded p-1 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
  return (
    <div ref={containerRef} className="relative inline-flex">
      <button type="button" className={buttonClasses} disabled={isDisabled} onClick={() => handleSelect('regenerate')}>
        <RefreshCw aria-hidden="true" className="size-3.5" />
        Regenerate
      </button>
      <button
        type="button"
        className={buttonClasses}
        disabled={isDisabled}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-label="More ways to regenerate"
        onClick={() => setIsOpen((open) => !open)}
      >
        <ChevronDown aria-hidden="true" className="size-3.5" />
      </button>
      {isOpen ? (
        <div
          role="menu"
          className="absolute bottom-full left-0 z-20 mb-1 w-44 rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-800"
        >
          {retryTypes.map((retryType) => (
            <button
              key={retryType}
              type="button"
              role="menuitem"
              onClick={() => handleSelect(retryType)}
              className="block w-full px-3 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-700"
            >
              {retryLabels[retryType]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
