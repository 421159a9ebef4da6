import { ChevronRight, CircleAlert, CircleCheck, Download } from 'lucide-react';
import { useId, useState } from 'react';
import { ImageLightbox } from '../../../components/ui/image-lightbox';
import { Spinner } from '../../../components/ui/spinner';
import { env } from '../../../config/env';
import { classNames } from '../../../lib/class-names';
import type { ToolCall, ToolPlot } from '../lib/chat-types';
import { ToolIcon } from '../lib/tool-icons';
import { findDownloadLinks, formatToolValue, plotDataUrl, toolErrorOf, truncateText } from '../lib/tool-result';
import { ImageStrip } from './image-strip';

/** `data-status` of a card: what the end-to-end tests and styles key on. */
const cardStatus = { executing: 'running', completed: 'completed', failed: 'failed' } as const;

function StatusIndicator({ status }: { status: ToolCall['status'] }) {
  if (status === 'executing') return <Spinner label="Running" className="size-3.5" />;
  if (status === 'completed') return <CircleCheck role="img" aria-label="Completed" className="size-3.5 shrink-0 text-emerald-600 dark:text-emerald-400" />;
  return <CircleAlert role="img" aria-label="Failed" className="size-3.5 shrink-0 text-red-600 dark:text-red-400" />;
}

/** A labelled block of text (arguments or result), long ones cut with "Show all". */
function ValueBlock({ label, value }: { label: string; value: unknown }) {
  const [isWhole, setIsWhole] = useState(false);
  const text = formatToolValue(value);
  const shown = isWhole ? { text, isTruncated: false } : truncateText(text);
  return (
    <div className="min-w-0">
      <p className="mb-1 font-medium text-zinc-700 dark:text-zinc-300">{label}</p>
      <pre className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-[11px] leading-relaxed break-words whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        {shown.text || '(empty)'}
      </pre>
      {shown.isTruncated || isWhole ? (
        <button type="button" onClick={() => setIsWhole(!isWhole)} className="mt-1 text-violet-700 hover:underline dark:text-violet-400">
          {isWhole ? 'Show less' : `Show all (${text.length.toLocaleString()} characters)`}
        </button>
      ) : null}
    </div>
  );
}

/** Figures of a tool result (charts), each enlargeable. */
function PlotStrip({ plots, toolName }: { plots: readonly ToolPlot[]; toolName: string }) {
  const [open, setOpen] = useState<{ url: string; alt: string } | null>(null);
  const shown = plots.map((plot, index) => ({ url: plotDataUrl(plot), alt: `Plot ${index + 1} from ${toolName}` })).filter((plot) => plot.url);
  if (shown.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2 px-2.5 pb-2.5">
      {shown.map((plot) => (
        <button
          key={plot.alt}
          type="button"
          onClick={() => setOpen({ url: plot.url ?? '', alt: plot.alt })}
          aria-label={`Enlarge ${plot.alt.toLowerCase()}`}
          className="overflow-hidden rounded-md border border-zinc-200 bg-white hover:ring-2 hover:ring-violet-500 dark:border-zinc-700"
        >
          <img src={plot.url ?? ''} alt={plot.alt} className="max-h-64 w-auto max-w-full" />
        </button>
      ))}
      {open ? <ImageLightbox src={open.url} alt={open.alt} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

/**
 * One tool call of a reply: icon, name and state in a compact header; the error (in red), download buttons and
 * figures always shown; arguments and result behind the header's toggle.
 */
export function ToolCallCard({ toolCall }: { toolCall: ToolCall }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const detailsId = useId();
  const name = toolCall.displayName || toolCall.name;
  const links = toolCall.status === 'completed' ? findDownloadLinks(toolCall.result, env.apiBaseUrl) : [];
  return (
    <div>
      <div
        role="group"
        aria-label={`Tool: ${name}`}
        data-status={cardStatus[toolCall.status]}
        className={classNames(
          'rounded-lg border text-xs',
          toolCall.status === 'failed' ? 'border-red-200 dark:border-red-900' : 'border-zinc-200 dark:border-zinc-800',
        )}
      >
        <div className="flex min-w-0 items-center gap-1.5 rounded-lg pr-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
          <button
            type="button"
            onClick={() => setIsExpanded(!isExpanded)}
            aria-expanded={isExpanded}
            aria-controls={isExpanded ? detailsId : undefined}
            className="flex min-w-0 flex-1 items-center gap-1.5 py-1.5 pl-2.5 text-left text-zinc-600 dark:text-zinc-400"
          >
            <ChevronRight aria-hidden="true" className={classNames('size-3.5 shrink-0 transition-transform', isExpanded && 'rotate-90')} />
            <ToolIcon name={toolCall.icon} className="size-3.5 shrink-0" />
            <span className="min-w-0 truncate font-medium text-zinc-800 dark:text-zinc-200">{name}</span>
          </button>
          <StatusIndicator status={toolCall.status} />
        </div>
        {toolCall.status === 'failed' ? <p className="px-2.5 pb-2 text-red-700 dark:text-red-400">{toolErrorOf(toolCall.result)}</p> : null}
        {links.length > 0 ? (
          <div className="flex flex-wrap gap-1.5 px-2.5 pb-2">
            {links.map((link) => (
              <a
                key={link.url}
                href={link.url}
                download={link.filename}
                // Another site's file opens in a new tab (browsers ignore `download` across origins).
                {...(link.url.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                aria-label={`Download ${link.filename}`}
                className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
              >
                <Download aria-hidden="true" className="size-3.5 shrink-0" />
                <span className="truncate">{link.filename}</span>
              </a>
            ))}
          </div>
        ) : null}
        {toolCall.plots?.length ? <PlotStrip plots={toolCall.plots} toolName={name} /> : null}
        {isExpanded ? (
          <div id={detailsId} className="flex flex-col gap-2 border-t border-zinc-200 p-2.5 dark:border-zinc-800">
            <ValueBlock label="Arguments" value={toolCall.args} />
            {toolCall.status === 'executing' ? null : <ValueBlock label="Result" value={toolCall.result} />}
          </div>
        ) : null}
      </div>
      {toolCall.images?.length ? (
        <div className="mt-1.5">
          <ImageStrip images={toolCall.images} />
        </div>
      ) : null}
    </div>
  );
}
