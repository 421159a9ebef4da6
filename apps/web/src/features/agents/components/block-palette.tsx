import { useReactFlow, useStoreApi } from '@xyflow/react';
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { classNames } from '../../../lib/class-names';
import { blockCatalog, type BlockCategory, type BlockTypeInfo } from '../lib/block-catalog';
import { categoryTileClasses } from '../lib/category-style';
import { useEditorStoreApi } from '../stores/editor-store-context';
import { paletteDragType } from './editor-canvas';

const categoryTitles: Record<BlockCategory, string> = {
  input: 'Input',
  ai: 'AI',
  logic: 'Logic',
  data: 'Data',
  integration: 'Integrations',
  output: 'Output',
};
const categoryOrder: BlockCategory[] = ['input', 'ai', 'logic', 'data', 'integration', 'output'];

export interface BlockPaletteProps {
  /** A narrow rail of block icons (names in tooltips and labels) instead of the described list. */
  collapsed?: boolean;
  /** Folds or unfolds the palette; without it the palette has no toggle. */
  onToggle?: () => void;
}

/**
 * Every block type, grouped by family, with its icon and a short description. Drag one onto the canvas, or
 * click it (or press Enter on it) to add it in the middle of the visible canvas. Collapsed, it is a rail of the
 * same buttons showing only their icons.
 */
export function BlockPalette({ collapsed = false, onToggle }: BlockPaletteProps) {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();

  const addAtCentre = (type: string) => {
    const canvas = flowStore.getState().domNode?.getBoundingClientRect();
    const centre = canvas === undefined ? { x: 0, y: 0 } : screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 });
    // Each click lands a little lower, so blocks added in a row do not hide each other.
    const offset = (store.getState().workflow.blocks.length % 6) * 24;
    store.getState().addBlock(type, { x: Math.round(centre.x - 124 + offset), y: Math.round(centre.y - 42 + offset) });
  };

  const ToggleIcon = collapsed ? PanelLeftOpen : PanelLeftClose;
  return (
    <>
      {onToggle === undefined ? null : (
        // The toggle keeps its place in both states, so it keeps the keyboard focus when pressed.
        <div className={classNames('sticky top-0 z-10 flex h-10 items-center bg-white dark:bg-zinc-900', collapsed ? 'justify-center' : 'justify-between pr-2 pl-5')}>
          {collapsed ? null : <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Blocks</h2>}
          <button
            type="button"
            onClick={onToggle}
            aria-label={collapsed ? 'Expand palette' : 'Collapse palette'}
            title={collapsed ? 'Expand palette' : 'Collapse palette'}
            className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <ToggleIcon aria-hidden="true" className="size-4" />
          </button>
        </div>
      )}
      <nav aria-label="Blocks" className={classNames('flex flex-col', collapsed ? 'items-center gap-2 px-2 pb-3' : 'gap-4 p-3', onToggle !== undefined && !collapsed && 'pt-1')}>
        {categoryOrder.map((category) => (
          <section
            key={category}
            aria-labelledby={`palette-${category}`}
            className={classNames(collapsed && 'border-t border-zinc-200 pt-2 first:border-t-0 first:pt-0 dark:border-zinc-800')}
          >
            <h3
              id={`palette-${category}`}
              className={collapsed ? 'sr-only' : 'mb-1.5 px-2 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400'}
            >
              {categoryTitles[category]}
            </h3>
            <ul className="flex flex-col gap-0.5">
              {blockCatalog
                .filter((info) => info.category === category)
                .map((info) => (
                  <li key={info.type}>
                    <PaletteButton info={info} iconOnly={collapsed} onAdd={() => addAtCentre(info.type)} />
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </nav>
    </>
  );
}

/** One block type: drag it onto the canvas or press it to add it. With `iconOnly`, its name and description are in the tooltip. */
function PaletteButton({ info, iconOnly, onAdd }: { info: BlockTypeInfo; iconOnly: boolean; onAdd: () => void }) {
  const Icon = info.icon;
  return (
    <button
      type="button"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(paletteDragType, info.type);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={onAdd}
      aria-label={`Add ${info.label}`}
      title={iconOnly ? `${info.label}: ${info.description}` : info.description}
      className={classNames(
        'group flex cursor-grab rounded-lg hover:bg-zinc-100 active:cursor-grabbing dark:hover:bg-zinc-800',
        iconOnly ? 'p-1' : 'w-full items-start gap-2.5 px-2 py-1.5 text-left',
      )}
    >
      <span className={classNames('flex size-7 shrink-0 items-center justify-center rounded-md ring-1 ring-inset', !iconOnly && 'mt-0.5', categoryTileClasses[info.category])}>
        <Icon aria-hidden="true" className="size-4" />
      </span>
      {iconOnly ? null : (
        <span className="min-w-0">
          <span className="block text-sm leading-5 font-medium text-zinc-900 dark:text-zinc-100">{info.label}</span>
          <span className="block text-xs leading-4 text-zinc-500 dark:text-zinc-400">{info.description}</span>
        </span>
      )}
    </button>
  );
}
