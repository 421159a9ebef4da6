import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

/** A shell command on its own line with a copy button (the text wraps rather than scrolling the page). */
export function CopyableCommand({ command }: { command: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2_000);
    } catch {
      // No clipboard (an insecure origin): the command stays selectable.
    }
  };
  return (
    <div className="flex items-start gap-2 rounded-lg border border-zinc-200 bg-zinc-50 py-2 pr-2 pl-3 dark:border-zinc-800 dark:bg-zinc-950">
      <code className="min-w-0 flex-1 py-1 font-mono text-xs wrap-anywhere text-zinc-800 dark:text-zinc-200">{command}</code>
      <button
        type="button"
        onClick={() => void handleCopy()}
        aria-label={isCopied ? 'Copied' : `Copy: ${command}`}
        className="shrink-0 rounded-md p-1.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        {isCopied ? <Check aria-hidden="true" className="size-4 text-emerald-600 dark:text-emerald-400" /> : <Copy aria-hidden="true" className="size-4" />}
      </button>
    </div>
  );
}
