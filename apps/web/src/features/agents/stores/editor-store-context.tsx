import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Workflow } from '@claraverse/engine';
import { createEditorStore, type CreateEditorStoreOptions, type EditorState, type EditorStore } from './editor-store';

const EditorStoreContext = createContext<EditorStore | undefined>(undefined);

interface EditorStoreProviderProps {
  workflow: Workflow;
  options?: CreateEditorStoreOptions;
  /** A store made by the caller (tests, or a page that drives the editor from outside); `workflow` is then ignored. */
  store?: EditorStore;
  children: ReactNode;
}

/** Creates one editor store for its subtree from `workflow` (read once: remount with a key to load another). */
export function EditorStoreProvider({ workflow, options, store: given, children }: EditorStoreProviderProps) {
  const [store] = useState(() => given ?? createEditorStore(workflow, options));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The editor store of the surrounding EditorStoreProvider; throws outside one. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === undefined) throw new Error('useEditorStore must be used inside an EditorStoreProvider.');
  return store;
}

/**
 * Reads a narrow slice of the editor state; the component re-renders only when the slice changes (wrap selectors
 * that build arrays or objects in zustand's useShallow).
 */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
