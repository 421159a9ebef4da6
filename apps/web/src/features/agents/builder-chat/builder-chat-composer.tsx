import { ArrowUp } from 'lucide-react';
import { useId, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { Button } from '../../../components/ui/button';
import { Textarea } from '../../../components/ui/textarea';
import type { BuilderMode } from './builder-turn';

interface BuilderChatComposerProps {
  mode: BuilderMode;
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  /** A turn is running or the conversation is loading. */
  isBusy: boolean;
  /** The canvas has blocks: Builder mode changes them rather than starting over. */
  hasWorkflow: boolean;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

function placeholderOf(mode: BuilderMode, hasWorkflow: boolean): string {
  if (mode === 'ask') return 'What does this agent do? Which tools does it use?';
  return hasWorkflow ? 'Describe a change, e.g. “add a Slack message at the end”' : 'Describe what the agent should do…';
}

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function BuilderChatComposer({ mode, draft, onDraftChange, onSend, isBusy, hasWorkflow, textareaRef }: BuilderChatComposerProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const canSend = !isBusy && draft.trim() !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) onSend();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <form onSubmit={submit} className="rounded-xl border border-zinc-300 bg-white focus-within:border-violet-600 dark:border-zinc-700 dark:bg-zinc-900 dark:focus-within:border-violet-500">
      <label htmlFor={id} className="sr-only">
        {mode === 'builder' ? 'Describe the agent or a change' : 'Ask about this agent'}
      </label>
      <Textarea
        ref={textareaRef}
        id={id}
        rows={3}
        value={draft}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholderOf(mode, hasWorkflow)}
        aria-describedby={hintId}
        className="resize-none border-0 bg-transparent focus-visible:outline-none dark:bg-transparent"
      />
      <div className="flex items-center justify-between gap-2 px-2 pb-2">
        <p id={hintId} className="pl-1 text-xs text-zinc-500 dark:text-zinc-400">
          Enter to send · Shift+Enter for a new line
        </p>
        <Button type="submit" size="small" disabled={!canSend} aria-label="Send" icon={<ArrowUp aria-hidden="true" className="size-4" />}>
          Send
        </Button>
      </div>
    </form>
  );
}
