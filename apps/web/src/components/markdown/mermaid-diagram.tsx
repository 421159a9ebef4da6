import { useEffect, useId, useState } from 'react';
import { useUiPreferencesStore } from '../../stores/ui-preferences-store';

type RenderState = { status: 'pending' } | { status: 'rendered'; svg: string } | { status: 'failed'; message: string };

/**
 * A mermaid diagram, rendered by mermaid loaded on first use (its own chunk). Mermaid runs with
 * `securityLevel: 'strict'` (no HTML labels, no click handlers), so it needs no eval and the CSP stays strict.
 * While the text streams in, an incomplete diagram simply shows its source.
 */
export function MermaidDiagram({ source }: { source: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const theme = useUiPreferencesStore((state) => state.theme);
  const [rendered, setRendered] = useState<{ key: string; state: RenderState } | null>(null);
  const key = `${theme}:${source}`;

  useEffect(() => {
    let isCurrent = true;
    const isDark = document.documentElement.classList.contains('dark');
    const timer = setTimeout(() => {
      import('mermaid')
        .then(async ({ default: mermaid }) => {
          mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: isDark ? 'dark' : 'default' });
          const { svg } = await mermaid.render(id, source);
          if (isCurrent) setRendered({ key, state: { status: 'rendered', svg } });
        })
        .catch((error: unknown) => {
          if (isCurrent) {
            setRendered({ key, state: { status: 'failed', message: error instanceof Error ? error.message : 'Invalid diagram' } });
          }
        });
    }, 300);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [id, key, source]);

  const state = rendered?.key === key ? rendered.state : { status: 'pending' as const };
  if (state.status === 'rendered') {
    // Mermaid's output is sanitised by mermaid itself (DOMPurify, strict mode).
    return <div className="my-3 overflow-x-auto rounded-lg bg-white p-3 dark:bg-zinc-900" dangerouslySetInnerHTML={{ __html: state.svg }} />;
  }
  return (
    <div className="my-3 rounded-lg border border-zinc-200 dark:border-zinc-800">
      <p className="border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        {state.status === 'failed' ? `Diagram could not be drawn: ${state.message}` : 'mermaid'}
      </p>
      <pre className="overflow-x-auto p-3 text-xs">
        <code>{source}</code>
      </pre>
    </div>
  );
}
