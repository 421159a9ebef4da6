import { CircleAlert, File as FileIcon, FileText, Music, Sheet, X } from 'lucide-react';
import { classNames } from '../../../lib/class-names';
import { formatBytes, isImageType } from '../lib/attachment-files';
import type { MessageAttachment } from '../lib/chat-types';
import type { PendingAttachment } from '../hooks/use-composer-attachments';

/** An icon for a file's type. */
function FileTypeIcon({ mimeType }: { mimeType: string }) {
  const className = 'size-4 shrink-0 text-zinc-500 dark:text-zinc-400';
  if (mimeType.startsWith('audio/')) return <Music aria-hidden="true" className={className} />;
  if (mimeType.includes('sheet') || mimeType === 'text/csv' || mimeType === 'text/tab-separated-values') return <Sheet aria-hidden="true" className={className} />;
  if (mimeType.startsWith('text/') || mimeType === 'application/pdf' || mimeType.includes('document')) return <FileText aria-hidden="true" className={className} />;
  return <FileIcon aria-hidden="true" className={className} />;
}

function Thumbnail({ src }: { src: string }) {
  return <img src={src} alt="" className="size-9 shrink-0 rounded object-cover" />;
}

/** A file in the composer: thumbnail or icon, name, size, upload progress or error, and a remove button. */
export function AttachmentChip({ attachment, onRemove }: { attachment: PendingAttachment; onRemove: () => void }) {
  const preview = attachment.thumbnailDataUrl ?? attachment.previewUrl;
  const percent = Math.round(attachment.progress * 100);
  return (
    <li
      aria-label={attachment.filename}
      className={classNames(
        'relative flex max-w-full min-w-0 items-center gap-2 overflow-hidden rounded-lg border bg-white py-1.5 pr-1 pl-1.5 text-xs sm:max-w-64 dark:bg-zinc-900',
        attachment.status === 'failed' ? 'border-red-300 dark:border-red-800' : 'border-zinc-200 dark:border-zinc-700',
      )}
    >
      {preview && isImageType(attachment.mimeType) ? <Thumbnail src={preview} /> : <FileTypeIcon mimeType={attachment.mimeType} />}
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="truncate font-medium text-zinc-800 dark:text-zinc-100" title={attachment.filename}>
          {attachment.filename}
        </span>
        {attachment.status === 'failed' ? (
          <span role="alert" className="flex items-start gap-1 whitespace-normal text-red-700 dark:text-red-400">
            <CircleAlert aria-hidden="true" className="mt-px size-3 shrink-0" />
            {attachment.error}
          </span>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">
            {formatBytes(attachment.size)}
            {attachment.status === 'uploading' ? ` · uploading ${percent}%` : ''}
          </span>
        )}
      </span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${attachment.filename}`}
        className="shrink-0 self-start rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <X aria-hidden="true" className="size-3.5" />
      </button>
      {attachment.status === 'uploading' ? (
        <span
          role="progressbar"
          aria-label={`Uploading ${attachment.filename}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="absolute inset-x-0 bottom-0 h-0.5 bg-zinc-200 dark:bg-zinc-700"
        >
          <span className="block h-full bg-violet-600 transition-[width] dark:bg-violet-400" style={{ width: `${percent}%` }} />
        </span>
      ) : null}
    </li>
  );
}

/** The files sent with a user message: image thumbnails, other files as name and size. */
export function MessageAttachments({ attachments }: { attachments: readonly MessageAttachment[] }) {
  return (
    <ul aria-label="Attached files" className="mb-1 flex max-w-full flex-wrap justify-end gap-1.5">
      {attachments.map((attachment) => (
        <li
          key={attachment.fileId}
          className="flex max-w-full min-w-0 items-center gap-2 rounded-lg border border-zinc-200 bg-white p-1.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
        >
          {attachment.thumbnailDataUrl ? (
            <img src={attachment.thumbnailDataUrl} alt={attachment.filename} className="size-14 rounded object-cover" />
          ) : (
            <>
              <FileTypeIcon mimeType={attachment.mimeType} />
              <span className="flex min-w-0 flex-col pr-1">
                <span className="truncate font-medium text-zinc-800 dark:text-zinc-100">{attachment.filename}</span>
                <span className="text-zinc-500 dark:text-zinc-400">{formatBytes(attachment.size)}</span>
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
