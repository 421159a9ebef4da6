import type { ChatImageHandle } from '@claraverse/shared';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ChatMessage } from '../lib/chat-types';
import type { StoredImage } from './chat-database';
import { useChatStore } from './chat-store';
import type { ArrivedImage } from './reply-reducer';

/** The image handles the server accepts with one `chat.send` (`chatSendMessageSchema.images`). */
export const maxImageHandlesPerSend = 500;

/** `missing`: not in this browser (another browser made it, or it was deleted). */
type ImageUrlState = string | 'missing';

/** Object URLs of the images shown so far in this tab, by file id (made once, revoked when the image is deleted). */
const useImageUrlStore = create<{ urls: Record<string, ImageUrlState | undefined> }>()(() => ({ urls: {} }));
const loading = new Set<string>();

function setUrl(fileId: string, url: ImageUrlState): void {
  useImageUrlStore.setState((state) => ({ urls: { ...state.urls, [fileId]: url } }));
}

const extensionByMimeType: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** The file name an image downloads as (`img-3.png`). */
export function generatedImageFilename(image: { handle: string; mimeType: string }): string {
  return `${image.handle}.${extensionByMimeType[image.mimeType] ?? 'png'}`;
}

/** Decodes base64 (the plots of a tool result) to bytes. */
export function bytesFromBase64(data: string): ArrayBuffer {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

/** An object URL for stored bytes. */
export function objectUrlOf(image: Pick<StoredImage, 'bytes' | 'mimeType'>): string {
  return URL.createObjectURL(new Blob([image.bytes], { type: image.mimeType }));
}

/**
 * Keeps the images a tool result brought (bytes and where they come from) in the user's database and makes them
 * displayable at once. A failure (storage full, private mode) is logged: the strip then says the image is not
 * kept in this browser.
 */
export async function saveGeneratedImages(message: Pick<ChatMessage, 'id' | 'conversationId'>, images: readonly ArrivedImage[], now = Date.now()) {
  const records: StoredImage[] = images.map((image, index) => ({
    fileId: image.fileId,
    handle: image.handle,
    conversationId: message.conversationId,
    messageId: message.id,
    mimeType: image.mimeType,
    bytes: bytesFromBase64(image.data),
    // Keeps the order of one result when sorting by time.
    createdAt: now + index,
  }));
  for (const record of records) if (!useImageUrlStore.getState().urls[record.fileId]) setUrl(record.fileId, objectUrlOf(record));
  const repository = useChatStore.getState().repository;
  try {
    await repository?.saveImages(records);
  } catch (error) {
    console.error('Could not keep a generated image in this browser', error);
  }
}

/** Every image kept in this browser, newest first. */
export async function listGeneratedImages(): Promise<StoredImage[]> {
  return (await useChatStore.getState().repository?.listImages()) ?? [];
}

/** Forgets an image in this browser (the chat then shows it as no longer kept). */
export async function deleteGeneratedImage(fileId: string): Promise<void> {
  await useChatStore.getState().repository?.deleteImage(fileId);
  const url = useImageUrlStore.getState().urls[fileId];
  if (url && url !== 'missing') URL.revokeObjectURL(url);
  setUrl(fileId, 'missing');
}

/** The URL to show a kept image with: undefined while it is read, `missing` when this browser does not have it. */
export function useGeneratedImageUrl(fileId: string): ImageUrlState | undefined {
  const url = useImageUrlStore((state) => state.urls[fileId]);
  const repository = useChatStore((state) => state.repository);
  useEffect(() => {
    if (url !== undefined || !repository || loading.has(fileId)) return;
    loading.add(fileId);
    repository
      .getImage(fileId)
      .then((image) => setUrl(fileId, image ? objectUrlOf(image) : 'missing'))
      .catch((error: unknown) => {
        console.error('Could not read a generated image', error);
        setUrl(fileId, 'missing');
      })
      .finally(() => loading.delete(fileId));
  }, [fileId, url, repository]);
  return url;
}

/**
 * The conversation's image handles in order (`img-1`, `img-2`…), for `chat.send`: every branch counts, so that a
 * new image never reuses a handle another branch gave out. At most the newest {@link maxImageHandlesPerSend}.
 */
export function imageHandlesOf(messages: Iterable<ChatMessage>): ChatImageHandle[] {
  const handles = new Map<string, ChatImageHandle>();
  for (const message of messages) {
    for (const call of message.toolCalls) {
      for (const image of call.images ?? []) handles.set(image.handle, { handle: image.handle, fileId: image.fileId });
    }
  }
  const numberOf = (handle: string) => Number(handle.replace(/^img-/, ''));
  return [...handles.values()].sort((left, right) => numberOf(left.handle) - numberOf(right.handle)).slice(-maxImageHandlesPerSend);
}

/** Forgets the URLs made so far (sign-out, tests). */
export function resetGeneratedImageUrls(): void {
  for (const url of Object.values(useImageUrlStore.getState().urls)) if (url && url !== 'missing') URL.revokeObjectURL(url);
  useImageUrlStore.setState({ urls: {} }, true);
  loading.clear();
}
