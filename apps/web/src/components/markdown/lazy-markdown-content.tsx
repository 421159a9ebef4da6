import { useSyncExternalStore } from 'react';
import type { MarkdownContent } from './markdown-content';

// The renderer (react-markdown, KaTeX, highlight.js) is its own chunk: the chat list and composer appear without
// waiting for it, and mermaid stays a further chunk loaded only when a diagram shows up.
interface MarkdownModule {
  MarkdownContent: typeof MarkdownContent;
}
let loadedModule: MarkdownModule | null = null;
let loading: Promise<MarkdownModule> | null = null;
const listeners = new Set<() => void>();

/** Starts loading the renderer (once); a chat about to open calls it so the chunk arrives with the messages. */
export function preloadMarkdownRenderer(): Promise<MarkdownModule> {
  loading ??= import('./markdown-content').then((module) => {
    loadedModule = module;
    for (const listener of listeners) listener();
    return module;
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  preloadMarkdownRenderer().catch((error: unknown) => console.error('Could not load the markdown renderer', error));
  return () => listeners.delete(listener);
}

const currentModule = () => loadedModule;

/**
 * Markdown of a message; plain text until the renderer has loaded (once per session), then re-rendered. Not a
 * Suspense boundary on purpose: React holds revealed Suspense content for up to 300 ms after a fallback showed,
 * which would delay the chat by that much whenever the chunk arrives after the messages.
 */
export function LazyMarkdownContent({ content }: { content: string }) {
  const module = useSyncExternalStore(subscribe, currentModule, currentModule);
  if (module) return <module.MarkdownContent content={content} />;
  return <div className="text-sm leading-relaxed whitespace-pre-wrap break-words">{content}</div>;
}
