import { ArrowUp, Square } from 'lucide-react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';

interface ComposerProps {
  isStreaming: boolean;
  /** Why sending is not possible (no model), shown as the placeholder; null when it is. */
  disabledReason: string | null;
  onSend: (content: string) => void;
  onStop: () => void;
}

/** The message box: Enter sends, Shift+Enter adds a line; Stop replaces Send while a reply streams. */
export function Composer({ isStreaming, disabledReason, onSend, onStop }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const canSend = !isStreaming && !disabledReason && draft.trim().length > 0;

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      handleSubmit();
    }
  };

  return (
    <form onSubmit={handleSubmit} className="mx-auto flex w-full max-w-3xl items-end gap-2 px-3 pb-3 sm:px-4">
      <label htmlFor="chat-composer" className="sr-only">
        Message
      </label>
      <textarea
        id="chat-composer"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={handleKeyDown}
        rows={Math.min(8, Math.max(1, draft.split('\n').length))}
        placeholder={disabledReason ?? 'Message…'}
        title="Enter to send, Shift+Enter for a new line"
        disabled={Boolean(disabledReason)}
        className="max-h-60 min-h-11 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3.5 py-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 focus-visible:border-violet-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-violet-600/40 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      />
      {isStreaming ? (
        <Button variant="secondary" onClick={onStop} icon={<Square aria-hidden="true" className="size-4" />} className="h-11">
          Stop
        </Button>
      ) : (
        <Button type="submit" disabled={!canSend} aria-label="Send" icon={<ArrowUp aria-hidden="true" className="size-4" />} className="h-11 w-11 px-0" />
      )}
    </form>
  );
}
