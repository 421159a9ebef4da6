import { lazy, Suspense } from 'react';
import type { MarkdownContent } from './markdown-content';

// The renderer (react-markdown, KaTeX, highlight.js) is its own chunk: the chat list and composer appear without
// waiting for it, and mermaid stays a further chunk loaded only when a diagram shows up.
interface MarkdownModule {
  MarkdownContent: typeof MarkdownContent;
}
let loadedModule: MarkdownModule | null = null;
let loading: Promise<MarkdownModule> | null = null;

/** Starts loading the renderer (once); a chat about to open calls it so the chunk arrives with the messages. */
export function preloadMarkdownRenderer(): Promise<MarkdownModule> {
  loading ??= import('./markdown-content').then((module) => (loadedModule = module));
  return loading;
}

const LazyMarkdown = lazy(async () => ({ default: (await preloadMarkdownRenderer()).MarkdownContent }));

/** Markdown of a message; plain text until the renderer has loaded (once per session). */
export function LazyMarkdownContent({ content }: { content: string }) {
  // Once loaded, rendered directly: no Suspense round (a fallback frame) for each row that scrolls into view.
  if (loadedModule) return <loadedModule.MarkdownContent content={content} />;
  return (
    <Suspense fallback={<div className="text-sm leading-relaxed whitespace-pre-wrap break-words">{content}</div>}>
      <LazyMarkdown content={content} />
    </Suspense>
  );
}
