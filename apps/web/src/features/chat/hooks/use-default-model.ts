import { useSyncExternalStore } from 'react';

const storageKey = 'claraverse.chat.default-model';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the model the user picked last, used for new chats. */
export function setDefaultModelId(modelId: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey, modelId);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** The remembered default model id (null before the first pick). */
export function useDefaultModelId(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => null,
  );
}
