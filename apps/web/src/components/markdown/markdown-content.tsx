import './markdown-content.css';
import type { Element, ElementContent } from 'hast';
import { memo, useEffect, useSyncExternalStore } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block';
import { MermaidDiagram } from './mermaid-diagram';

type PluggableList = NonNullable<Options['rehypePlugins']>;

const remarkPlugins = [remarkGfm, remarkMath];
// `math`: the TeX source of a formula, shown as is until KaTeX has loaded.
const highlightPlugin: PluggableList[number] = [rehypeHighlight, { plainText: ['mermaid', 'text', 'txt', 'plaintext', 'math'] }];
const plainPlugins: PluggableList = [highlightPlugin];

// KaTeX is about 40 % of this renderer's code and most messages have no math: it loads with the first message
// that may contain some (a `$`), which re-renders once it is there.
let mathPlugins: PluggableList | null = null;
let mathLoading: Promise<void> | null = null;
const mathListeners = new Set<() => void>();

function loadMath(): void {
  mathLoading ??= import('./math-plugin').then(
    ({ katexPlugin }) => {
      mathPlugins = [katexPlugin, highlightPlugin];
      for (const listener of mathListeners) listener();
    },
    (error: unknown) => {
      mathLoading = null;
      console.error('Could not load the math renderer', error);
    },
  );
}

function subscribeToMath(listener: () => void): () => void {
  mathListeners.add(listener);
  return () => mathListeners.delete(listener);
}

function useRehypePlugins(content: string): PluggableList {
  const mayHaveMath = content.includes('$');
  const loaded = useSyncExternalStore(subscribeToMath, () => mathPlugins, () => mathPlugins);
  useEffect(() => {
    if (mayHaveMath) loadMath();
  }, [mayHaveMath]);
  return mayHaveMath && loaded ? loaded : plainPlugins;
}

/** Plain text of a hast node (the code as written, for copying and for mermaid). */
function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function languageOf(codeElement: Element | undefined): string | null {
  const classNames = codeElement?.properties.className;
  if (!Array.isArray(classNames)) return null;
  const languageClass = classNames.find((name) => String(name).startsWith('language-'));
  return languageClass ? String(languageClass).slice('language-'.length) : null;
}

const components: Components = {
  pre: ({ node, children }) => {
    const codeElement = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
    const language = languageOf(codeElement);
    const code = codeElement ? textOf(codeElement).replace(/\n$/, '') : '';
    if (language === 'mermaid') return <MermaidDiagram source={code} />;
    return (
      <CodeBlock language={language} code={code}>
        {children}
      </CodeBlock>
    );
  },
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table {...props} />
    </div>
  ),
};

/** Markdown of a message: GFM (tables, task lists), code with highlighting and copy, KaTeX math, mermaid. */
export const MarkdownContent = memo(function MarkdownContent({ content }: { content: string }) {
  const rehypePlugins = useRehypePlugins(content);
  return (
    <div className="markdown-content min-w-0 text-sm leading-relaxed break-words text-zinc-900 dark:text-zinc-100">
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {content}
      </ReactMarkdown>
    </div>
  );
});
