import { ArrowUp, Paperclip, Square, Wrench } from 'lucide-react';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { classNames } from '../../../lib/class-names';
import { useComposerAttachments } from '../hooks/use-composer-attachments';
import { useFileDrop } from '../hooks/use-file-drop';
import { attachmentAccept } from '../lib/attachment-files';
import type { MessageAttachment } from '../lib/chat-types';
import { AttachmentChip } from './attachment-chip';

interface ComposerProps {
  isStreaming: boolean;
  /** Why sending is not possible (no model), shown as the placeholder; null when it is. */
  disabledReason: string | null;
  /** Tools are on for this chat. */
  isToolsEnabled: boolean;
  onToggleTools: () => void;
  onSend: (content: string, attachments: MessageAttachment[]) => void;
  onStop: () => void;
}

const toolbarButtonBase = 'inline-flex h-8 items-center gap-1.5 rounded-lg px-2 text-xs font-medium disabled:opacity-50';
const toolbarButtonClasses = `${toolbarButtonBase} text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50`;
const toolsOnClasses = `${toolbarButtonBase} bg-violet-100 text-violet-800 hover:bg-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:hover:bg-violet-900`;

interface ComposerToolbarProps {
  isStreaming: boolean;
  canSend: boolean;
  isUploading: boolean;
  isAttachDisabled: boolean;
  isToolsEnabled: boolean;
  onToggleTools: () => void;
  onAddFiles: (files: Iterable<File>) => void;
  onStop: () => void;
}

/** Under the text: attach, the chat's tools toggle, and Send or Stop. */
function ComposerToolbar({ isStreaming, canSend, isUploading, isAttachDisabled, isToolsEnabled, onToggleTools, onAddFiles, onStop }: ComposerToolbarProps) {
  const fileInputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="flex items-center gap-1 px-1.5 pb-1.5">
      <input
        ref={fileInputRef}
        type="file"
        multiple
        accept={attachmentAccept}
        className="hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          onAddFiles(event.target.files ?? []);
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className={toolbarButtonClasses}
        onClick={() => fileInputRef.current?.click()}
        disabled={isAttachDisabled}
        aria-label="Attach files"
        title="Attach files (or drop or paste them here)"
      >
        <Paperclip aria-hidden="true" className="size-4" />
      </button>
      <button
        type="button"
        className={isToolsEnabled ? toolsOnClasses : toolbarButtonClasses}
        onClick={onToggleTools}
        aria-pressed={isToolsEnabled}
        title={isToolsEnabled ? 'Tools are on for this chat: the model may search, run code, make files…' : 'Tools are off for this chat'}
      >
        <Wrench aria-hidden="true" className="size-4" />
        Tools
      </button>
      <span className="flex-1" />
      {isStreaming ? (
        <Button variant="secondary" size="small" onClick={onStop} icon={<Square aria-hidden="true" className="size-4" />}>
          Stop
        </Button>
      ) : (
        <Button
          type="submit"
          size="small"
          disabled={!canSend}
          aria-label="Send"
          title={isUploading ? 'Waiting for the files to upload' : undefined}
          icon={<ArrowUp aria-hidden="true" className="size-4" />}
          className="w-8 px-0"
        />
      )}
    </div>
  );
}

/**
 * The message box: Enter sends, Shift+Enter adds a line; Stop replaces Send while a reply streams. Files come with
 * the attach button, drag and drop or paste, and upload at once; Send waits until they are up.
 */
export function Composer({ isStreaming, disabledReason, isToolsEnabled, onToggleTools, onSend, onStop }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const { attachments, notice, isUploading, addFiles, remove, takeUploaded } = useComposerAttachments();
  const { isDragging, dropZoneProps, handlePaste } = useFileDrop(!disabledReason, addFiles);
  const hasUploaded = attachments.some((attachment) => attachment.status === 'uploaded');
  const canSend = !isStreaming && !disabledReason && !isUploading && (draft.trim().length > 0 || hasUploaded);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(draft.trim(), takeUploaded());
    setDraft('');
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      handleSubmit();
    }
  };

  return (
    <form onSubmit={handleSubmit} className="mx-auto flex w-full max-w-3xl flex-col gap-1 px-3 pb-3 sm:px-4">
      <div
        {...dropZoneProps}
        className={classNames(
          'flex flex-col rounded-xl border bg-white focus-within:border-violet-600 focus-within:outline-2 focus-within:outline-violet-600/40 dark:bg-zinc-900',
          isDragging ? 'border-violet-600 bg-violet-50 dark:bg-violet-950/40' : 'border-zinc-300 dark:border-zinc-700',
        )}
      >
        {attachments.length > 0 ? (
          <ul aria-label="Files to send" className="flex flex-wrap gap-1.5 px-2 pt-2">
            {attachments.map((attachment) => (
              <AttachmentChip key={attachment.id} attachment={attachment} onRemove={() => remove(attachment.id)} />
            ))}
          </ul>
        ) : null}
        <label htmlFor="chat-composer" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-composer"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
          onPaste={handlePaste}
          rows={Math.min(8, Math.max(1, draft.split('\n').length))}
          placeholder={isDragging ? 'Drop files to attach them' : (disabledReason ?? 'Message…')}
          title="Enter to send, Shift+Enter for a new line"
          disabled={Boolean(disabledReason)}
          className="max-h-60 min-h-11 w-full resize-none bg-transparent px-3.5 pt-2.5 pb-1 text-sm text-zinc-900 placeholder:text-zinc-400 focus-visible:outline-none disabled:opacity-60 dark:text-zinc-100"
        />
        <ComposerToolbar
          isStreaming={isStreaming}
          canSend={canSend}
          isUploading={isUploading}
          isAttachDisabled={Boolean(disabledReason)}
          isToolsEnabled={isToolsEnabled}
          onToggleTools={onToggleTools}
          onAddFiles={addFiles}
          onStop={onStop}
        />
      </div>
      {notice ? (
        <p role="alert" className="px-1 text-xs text-red-700 dark:text-red-400">
          {notice}
        </p>
      ) : null}
    </form>
  );
}
