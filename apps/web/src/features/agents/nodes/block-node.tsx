import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { CircleAlert } from 'lucide-react';
import { memo } from 'react';
import { classNames } from '../../../lib/class-names';
import { blockNodeSize } from '../lib/auto-layout';
import { blockTypeInfo } from '../lib/block-catalog';
import { blockOutputPorts, hasInputHandle } from '../lib/block-ports';
import { categoryTileClasses } from '../lib/category-style';
import { useEditorStore } from '../stores/editor-store-context';
import { BlockStatusIndicator } from './block-status-indicator';
import { BlockSummaryLine } from './block-summary-line';

/** React Flow node data: only the block id; everything shown is read from the editor store by narrow selectors. */
export type BlockNodeData = { blockId: string };
export type BlockFlowNode = Node<BlockNodeData>;

const handleClasses = '!size-3 !border-2 !border-white !bg-zinc-400 dark:!border-zinc-900 dark:!bg-zinc-500';
const noIssues: readonly never[] = [];

/**
 * A block on the canvas: its type's icon and colour, name, type and a one-line summary of its config, the run
 * status slot, a badge when validation found problems, an input handle on the left and one handle per output port
 * on the right (a condition's true/false, a loop's each item/done).
 */
export const BlockNode = memo(function BlockNode({ data, selected }: NodeProps<BlockFlowNode>) {
  const block = useEditorStore((state) => state.blocksById.get(data.blockId));
  const status = useEditorStore((state) => state.statuses.get(data.blockId) ?? 'idle');
  const issues = useEditorStore((state) => state.validation.byBlock.get(data.blockId) ?? noIssues);
  const isVertical = useEditorStore((state) => state.layoutDirection === 'TB');
  if (block === undefined) return null;
  const info = blockTypeInfo(block.type);
  const Icon = info.icon;
  const ports = blockOutputPorts(block);
  const hasNamedPorts = ports.length > 1 || ports[0]?.id !== 'output';
  const inputPosition = isVertical ? Position.Top : Position.Left;
  const outputPosition = isVertical ? Position.Bottom : Position.Right;
  return (
    <div
      style={{ width: blockNodeSize.width, height: blockNodeSize.height }}
      className={classNames(
        'relative rounded-xl border bg-white shadow-sm transition-shadow dark:bg-zinc-900',
        selected ? 'border-violet-500 ring-2 ring-violet-500/30 dark:border-violet-400' : issues.length > 0 ? 'border-red-300 dark:border-red-900' : 'border-zinc-200 dark:border-zinc-700',
        status === 'running' && 'ring-2 ring-violet-400/50',
        status === 'completed' && 'border-emerald-400 dark:border-emerald-700',
        status === 'failed' && 'border-red-500 dark:border-red-600',
        status === 'skipped' && 'opacity-60',
      )}
    >
      {hasInputHandle(block) ? <Handle type="target" position={inputPosition} className={handleClasses} aria-label={`Input of ${block.name}`} /> : null}
      <div className={classNames('flex h-full items-start gap-3 p-3', hasNamedPorts && !isVertical && 'pr-16')}>
        <span className={classNames('flex size-9 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset', categoryTileClasses[info.category])}>
          <Icon aria-hidden="true" className="size-[18px]" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            <p className="truncate text-sm leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{block.name}</p>
            <BlockStatusIndicator status={status} />
          </div>
          <p className="truncate text-xs leading-4 text-zinc-500 dark:text-zinc-400">{info.label}</p>
          <BlockSummaryLine block={block} />
        </div>
      </div>
      {issues.length > 0 ? (
        <span
          title={issues.map((issue) => issue.message).join('\n')}
          className="absolute -top-2.5 right-3 inline-flex items-center gap-1 rounded-full bg-red-600 px-1.5 py-0.5 text-[10px] leading-none font-semibold text-white shadow-sm dark:bg-red-500"
        >
          <CircleAlert aria-hidden="true" className="size-3" />
          {issues.length === 1 ? '1 issue' : `${issues.length} issues`}
        </span>
      ) : null}
      {ports.map((port, index) => {
        const offset = `${((index + 1) / (ports.length + 1)) * 100}%`;
        return (
          <div key={port.id}>
            <Handle
              type="source"
              id={port.id}
              position={outputPosition}
              style={isVertical ? { left: offset } : { top: offset }}
              className={classNames(handleClasses, port.id === 'true' && '!bg-emerald-500', (port.id === 'false' || port.id === 'error') && '!bg-red-500')}
              aria-label={`${port.label} output of ${block.name}`}
            />
            {hasNamedPorts ? (
              <span
                style={isVertical ? { left: offset } : { top: offset }}
                className={classNames(
                  'pointer-events-none absolute text-[10px] font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase dark:text-zinc-400',
                  // Top → bottom: under the block, just right of its handle (the edge leaves straight down).
                  isVertical ? 'top-full mt-1 ml-2' : 'right-3 -translate-y-1/2',
                )}
              >
                {port.label}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
});
