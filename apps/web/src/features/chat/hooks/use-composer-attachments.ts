import type { Upload } from '@claraverse/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteUpload, describeUploadError, uploadFile } from '../../../lib/upload-file';
import { attachmentProblem, isImageType, maxAttachmentsPerMessage, uploadTypeOf } from '../lib/attachment-files';
import type { MessageAttachment } from '../lib/chat-types';
import { makeThumbnail } from '../lib/image-thumbnail';

/** A file in the composer: uploading, uploaded (ready to send) or failed (with the reason). */
export interface PendingAttachment {
  id: string;
  filename: string;
  /** Bytes. */
  size: number;
  mimeType: string;
  status: 'uploading' | 'uploaded' | 'failed';
  /** 0 to 1. */
  progress: number;
  /** Why it failed, as a sentence. */
  error?: string;
  /** An object URL of an image, for the chip. */
  previewUrl?: string;
  thumbnailDataUrl?: string;
  upload?: Upload;
}

export interface ComposerAttachments {
  attachments: PendingAttachment[];
  /** A sentence about files that were not added at all (too many), or null. */
  notice: string | null;
  isUploading: boolean;
  addFiles: (files: Iterable<File>) => void;
  remove: (id: string) => void;
  /** Empties the composer and returns the uploaded files for the message. */
  takeUploaded: () => MessageAttachment[];
}

function createObjectUrl(file: File): string | undefined {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : undefined;
}

function revoke(attachment: PendingAttachment): void {
  if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
}

/** A new chip: failed at once when the file cannot be sent (type, size), else uploading. */
function pendingAttachmentOf(file: File): PendingAttachment {
  const problem = attachmentProblem(file);
  const mimeType = uploadTypeOf(file)?.mimeType ?? (file.type || 'application/octet-stream');
  const previewUrl = !problem && isImageType(mimeType) ? createObjectUrl(file) : undefined;
  return {
    id: crypto.randomUUID(),
    filename: file.name,
    size: file.size,
    mimeType,
    status: problem ? 'failed' : 'uploading',
    progress: 0,
    ...(problem ? { error: problem } : {}),
    ...(previewUrl ? { previewUrl } : {}),
  };
}

/** What the message keeps of an uploaded file. */
function messageAttachmentOf(attachment: PendingAttachment, upload: Upload): MessageAttachment {
  return {
    fileId: upload.fileId,
    filename: upload.filename,
    mimeType: upload.mimeType,
    size: upload.size,
    ...(attachment.thumbnailDataUrl ? { thumbnailDataUrl: attachment.thumbnailDataUrl } : {}),
  };
}

/**
 * The composer's files: each is checked at once (type, size), then uploaded with progress; removing one cancels
 * its upload or deletes it from the server. Uploads still running when the composer goes away are cancelled.
 */
export function useComposerAttachments(): ComposerAttachments {
  const [attachments, setAttachments] = useState<PendingAttachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  /** Finished uploads by attachment id, known at once (state updates land later). */
  const uploads = useRef(new Map<string, Upload>());
  /** The last rendered list, for reads outside state updates (cleanup, counting, sending). */
  const latest = useRef<PendingAttachment[]>([]);
  useEffect(() => {
    latest.current = attachments;
  }, [attachments]);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
      for (const attachment of latest.current) revoke(attachment);
    };
  }, []);

  const update = useCallback((id: string, change: Partial<PendingAttachment>) => {
    setAttachments((current) => current.map((attachment) => (attachment.id === id ? { ...attachment, ...change } : attachment)));
  }, []);

  const start = useCallback(
    (id: string, file: File, mimeType: string) => {
      const controller = new AbortController();
      controllers.current.set(id, controller);
      uploadFile(file, { signal: controller.signal, onProgress: (progress) => update(id, { progress }) })
        .then((upload) => {
          uploads.current.set(id, upload);
          update(id, { status: 'uploaded', progress: 1, upload, mimeType: upload.mimeType });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          update(id, { status: 'failed', error: describeUploadError(error, file.name) });
        })
        .finally(() => controllers.current.delete(id));
      if (isImageType(mimeType)) void makeThumbnail(file).then((thumbnailDataUrl) => thumbnailDataUrl && update(id, { thumbnailDataUrl }));
    },
    [update],
  );

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      const list = [...files];
      const room = Math.max(0, maxAttachmentsPerMessage - latest.current.length);
      const accepted = list.slice(0, room);
      const left = list.length - accepted.length;
      setNotice(left > 0 ? `A message can carry at most ${maxAttachmentsPerMessage} files; ${left === 1 ? '1 file was' : `${left} files were`} not added.` : null);
      const added = accepted.map((file) => ({ attachment: pendingAttachmentOf(file), file }));
      // Counted at once, so that two quick drops cannot pass the limit together.
      latest.current = [...latest.current, ...added.map((entry) => entry.attachment)];
      setAttachments((current) => [...current, ...added.map((entry) => entry.attachment)]);
      for (const { attachment, file } of added) if (attachment.status === 'uploading') start(attachment.id, file, attachment.mimeType);
    },
    [start],
  );

  const remove = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    const upload = uploads.current.get(id);
    uploads.current.delete(id);
    if (upload) deleteUpload(upload.fileId).catch((error: unknown) => console.warn('Could not delete an upload', error));
    const attachment = latest.current.find((candidate) => candidate.id === id);
    if (attachment) revoke(attachment);
    latest.current = latest.current.filter((candidate) => candidate.id !== id);
    setAttachments((current) => current.filter((candidate) => candidate.id !== id));
    setNotice(null);
  }, []);

  const takeUploaded = useCallback((): MessageAttachment[] => {
    const uploaded = latest.current.flatMap((attachment) => {
      const upload = uploads.current.get(attachment.id);
      return upload ? [messageAttachmentOf(attachment, upload)] : [];
    });
    for (const attachment of latest.current) revoke(attachment);
    latest.current = [];
    uploads.current.clear();
    setAttachments([]);
    setNotice(null);
    return uploaded;
  }, []);

  return { attachments, notice, isUploading: attachments.some((attachment) => attachment.status === 'uploading'), addFiles, remove, takeUploaded };
}
