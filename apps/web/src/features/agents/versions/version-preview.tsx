import type { Workflow } from '@claraverse/engine';
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Eye, RotateCcw, X } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/spinner';
import { formatDateTime } from '../../../lib/format-date';
import { isDarkTheme, useUiPreferencesStore } from '../../../stores/ui-preferences-store';
import { toFlowEdges, toFlowNodes } from '../lib/to-flow-elements';
import { BlockNode } from '../nodes/block-node';
import { EditorStoreProvider } from '../stores/editor-store-context';
import { VersionDiffList } from './version-diff-list';
import type { WorkflowDiff } from './workflow-diff';

const nodeTypes = { block: BlockNode };
const focusableSelector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the modal preview instead of reaching the editor behind it. */
function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null): void {
  if (container === null) return;
  const focusable = [...container.querySelectorAll<HTMLElement>(focusableSelector)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (first === undefined || last === undefined) return;
  if (event.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
const noSelection = new Set<string>();
const noSizes = new Map<string, { width: number; height: number }>();
const fitViewOptions = { padding: 0.15, maxZoom: 1 } as const;

/**
 * The version's blocks on a canvas nobody can edit (no drag, connect or select), with the difference to the
 * current workflow marked on the blocks: red for blocks the current workflow no longer has, amber for changed ones.
 * It has its own editor store (from the version) so block nodes render exactly as in the editor.
 */
function PreviewCanvas({ workflow, diff }: { workflow: Workflow; diff: WorkflowDiff }) {
  const isDark = isDarkTheme(useUiPreferencesStore((state) => state.theme));
  const nodes = useMemo(() => {
    const removed = new Set(diff.removedBlocks.map((block) => block.id));
    const changed = new Set(diff.changedBlocks.map((change) => change.blockId));
    return toFlowNodes(workflow.blocks, noSelection, noSizes).map((node) => {
      if (removed.has(node.id)) return { ...node, className: 'rounded-xl ring-4 ring-red-500/70', ariaLabel: `${node.ariaLabel ?? node.id}, removed since this version` };
      if (changed.has(node.id)) return { ...node, className: 'rounded-xl ring-4 ring-amber-400/80', ariaLabel: `${node.ariaLabel ?? node.id}, changed since this version` };
      return node;
    });
  }, [workflow.blocks, diff]);
  const edges = useMemo(() => {
    const removed = new Set(diff.removedConnections.map((connection) => `${connection.sourceBlockId}>${connection.targetBlockId}`));
    return toFlowEdges(workflow.connections, noSelection).map((edge) =>
      removed.has(`${edge.source}>${edge.target}`) ? { ...edge, style: { ...edge.style, stroke: '#ef4444', strokeDasharray: '6 4', strokeWidth: 2 } } : edge,
    );
  }, [workflow.connections, diff]);

  return (
    <EditorStoreProvider workflow={workflow}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          colorMode={isDark ? 'dark' : 'light'}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.2}
          maxZoom={2}
          aria-label="Version canvas (read-only)"
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
          <Controls showInteractive={false} position="bottom-left" />
        </ReactFlow>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function LegendSwatch({ className, children }: { className: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block size-3 rounded ring-2 ${className}`} />
      {children}
    </span>
  );
}

interface VersionPreviewProps {
  version: number;
  description: string;
  createdAt: string;
  /** Undefined while the snapshot loads. */
  workflow: Workflow | undefined;
  diff: WorkflowDiff | undefined;
  loadError: string | undefined;
  onRestore: () => void;
  isRestoring: boolean;
  onClose: () => void;
}

/**
 * A full-window, read-only look at a saved version: a banner that says so, the version's canvas with the changes
 * marked, and the list of differences to the current workflow; "Restore this version" or close (Escape).
 */
export function VersionPreview({ version, description, createdAt, workflow, diff, loadError, onRestore, isRestoring, onClose }: VersionPreviewProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => dialogRef.current?.focus(), []);
  // The preview is portalled but its React events still bubble to the editor, whose shortcuts (Delete, undo…)
  // must not act on the workflow behind it.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') onClose();
    if (event.key === 'Tab') keepFocusInside(event, dialogRef.current);
  };

  return createPortal(
    <div className="fixed inset-0 z-40 flex p-6" onKeyDown={onKeyDown}>
      <div aria-hidden="true" className="absolute inset-0 bg-zinc-950/50 backdrop-blur-[1px]" onClick={onClose} />
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className="relative flex min-h-0 w-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
      >
        <header className="flex shrink-0 items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-3 dark:border-amber-900 dark:bg-amber-950/50">
          <Eye aria-hidden="true" className="size-5 shrink-0 text-amber-700 dark:text-amber-400" />
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="flex items-center gap-2 text-base font-semibold text-zinc-900 dark:text-zinc-50">
              Previewing version {version}
              <Badge tone="warning">Read-only</Badge>
            </h2>
            <p className="truncate text-sm text-zinc-700 dark:text-zinc-300">
              {description || 'No description'} · saved {formatDateTime(createdAt)} — this is an old version, not the workflow you are editing.
            </p>
          </div>
          <Button icon={<RotateCcw aria-hidden="true" className="size-4" />} onClick={onRestore} isLoading={isRestoring} disabled={workflow === undefined}>
            Restore this version
          </Button>
          <Button variant="secondary" icon={<X aria-hidden="true" className="size-4" />} onClick={onClose}>
            Close preview
          </Button>
        </header>
        <div className="flex min-h-0 flex-1">
          <div className="relative min-w-0 flex-1 bg-zinc-50 dark:bg-zinc-950">
            {loadError !== undefined ? (
              <div className="p-6">
                <Alert tone="error" title={`Version ${version} could not be loaded`}>
                  {loadError}
                </Alert>
              </div>
            ) : workflow === undefined || diff === undefined ? (
              <LoadingState label={`Loading version ${version}…`} />
            ) : (
              <>
                <PreviewCanvas workflow={workflow} diff={diff} />
                <div className="pointer-events-none absolute top-3 left-3 flex gap-3 rounded-lg border border-zinc-200 bg-white/90 px-3 py-1.5 text-xs text-zinc-700 shadow-sm dark:border-zinc-700 dark:bg-zinc-900/90 dark:text-zinc-300">
                  <LegendSwatch className="ring-red-500/70">Removed since</LegendSwatch>
                  <LegendSwatch className="ring-amber-400/80">Changed since</LegendSwatch>
                </div>
              </>
            )}
          </div>
          <aside aria-label="Differences" className="w-80 shrink-0 overflow-y-auto border-l border-zinc-200 p-4 dark:border-zinc-800">
            <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-50">Compared with the current workflow</h3>
            {diff === undefined ? null : <VersionDiffList diff={diff} version={version} />}
          </aside>
        </div>
      </div>
    </div>,
    document.body,
  );
}
