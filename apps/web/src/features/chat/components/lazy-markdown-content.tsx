import { lazy, Suspense } from 'react';

// The renderer (react-markdown, KaTeX, highlight.js) is its own chunk: the chat list and composer appear without
// waiting for it, and mermaid stays a further chunk loaded only when a diagram shows up.
const MarkdownContent = lazy(async () => ({ default: (await import('./markdown-content')).MarkdownContent }));

/** Markdown of a message; plain text until the renderer has loaded (once per session). */
export function LazyMarkdownContent({ content }: { content: string }) {
  return (
    <Suspense fallback={<div className="text-sm leading-relaxed whitespace-pre-wrap break-words">{content}</div>}>
      <MarkdownContent content={content} />
    </Suspense>
  );
}
