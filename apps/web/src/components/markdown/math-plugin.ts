// KaTeX and its stylesheet: a chunk of its own, loaded by markdown-content.tsx for the first message with math.
import 'katex/dist/katex.min.css';
import type { Options } from 'react-markdown';
import rehypeKatex from 'rehype-katex';

export const katexPlugin: NonNullable<Options['rehypePlugins']>[number] = [rehypeKatex, { throwOnError: false, strict: 'ignore' }];
