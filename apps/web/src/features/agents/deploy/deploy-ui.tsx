import { Check, Copy } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';

/** Copies `text` to the clipboard; resolves false when the browser refuses (no permission, insecure context). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A small "Copy" button that says "Copied" once the text is on the clipboard, or asks to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await copyToClipboard(text)) ? 'copied' : 'failed');
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copy()}
      onBlur={() => setState('idle')}
      className="inline-flex shrink-0 items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      {state === 'copied' ? <Check aria-hidden="true" className="size-3.5 text-emerald-600 dark:text-emerald-400" /> : <Copy aria-hidden="true" className="size-3.5" />}
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}</span>
    </button>
  );
}

/** A block of code or a secret with its copy button. */
export function CodeBox({ code, label, copyLabel }: { code: string; label: string; copyLabel: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between border-b border-zinc-200 px-2.5 py-0.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{label}</span>
        <CopyButton text={code} label={copyLabel} />
      </div>
      <pre aria-label={label} className="p-2.5 font-mono text-[12px] leading-5 [overflow-wrap:anywhere] whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {code}
      </pre>
    </div>
  );
}

/** One section of the deploy panel: a heading, a sentence of what it is for, its content. */
export function DeploySection({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`deploy-${id}`} className="flex flex-col gap-3 border-b border-zinc-200 p-4 last:border-b-0 dark:border-zinc-800">
      <div>
        <h3 id={`deploy-${id}`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          {title}
        </h3>
        {intro ? <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** The sentence for a failed deploy request: the server's own words for a refused input, the usual sentence otherwise. */
export function describeDeployError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed' && error.message) return error.message;
  return describeError(error);
}
