import 'katex/dist/katex.min.css';
import './markdown-content.css';
import type { Element, ElementContent } from 'hast';
import { memo, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block';
import { MermaidDiagram } from './mermaid-diagram';

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins: ComponentProps<typeof ReactMarkdown>['rehypePlugins'] = [
  [rehypeKatex, { throwOnError: false, strict: 'ignore' }],
  [rehypeHighlight, { plainText: ['mermaid', 'text', 'txt', 'plaintext'] }],
];

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
  return (
    <div className="markdown-content min-w-0 text-sm leading-relaxed break-words text-zinc-900 dark:text-zinc-100">
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {content}
      </ReactMarkdown>
    </div>
  );
});
