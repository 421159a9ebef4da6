import { Check, Copy } from 'lucide-react';
import { useState, type ReactNode } from 'react';

/** Copies `text` to the clipboard; resolves false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A fenced code block with its language and a copy button. `children` is the highlighted code. */
export function CodeBlock({ language, code, children }: { language: string | null; code: string; children: ReactNode }) {
  const [isCopied, setIsCopied] = useState(false);

  const handleCopy = async () => {
    if (!(await copyText(code))) return;
    setIsCopied(true);
    setTimeout(() => setIsCopied(false), 1_500);
  };

  return (
    <div className="my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{language ?? 'text'}</span>
        <button
          type="button"
          onClick={() => void handleCopy()}
          className="inline-flex items-center gap-1 rounded px-1.5 py-1 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          {isCopied ? <Check aria-hidden="true" className="size-3.5" /> : <Copy aria-hidden="true" className="size-3.5" />}
          {isCopied ? 'Copied' : 'Copy code'}
        </button>
      </div>
      <pre className="overflow-x-auto p-3 text-[0.8125rem] leading-relaxed">{children}</pre>
    </div>
  );
}
