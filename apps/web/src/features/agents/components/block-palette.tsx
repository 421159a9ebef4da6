import { useReactFlow, useStoreApi } from '@xyflow/react';
import { classNames } from '../../../lib/class-names';
import { blockCatalog, type BlockCategory } from '../lib/block-catalog';
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

/**
 * Every block type, grouped by family, with its icon and a short description. Drag one onto the canvas, or
 * click it (or press Enter on it) to add it in the middle of the visible canvas.
 */
export function BlockPalette() {
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

  return (
    <nav aria-label="Blocks" className="flex flex-col gap-4 p-3">
      {categoryOrder.map((category) => (
        <section key={category} aria-labelledby={`palette-${category}`}>
          <h3 id={`palette-${category}`} className="mb-1.5 px-2 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
            {categoryTitles[category]}
          </h3>
          <ul className="flex flex-col gap-0.5">
            {blockCatalog
              .filter((info) => info.category === category)
              .map((info) => {
                const Icon = info.icon;
                return (
                  <li key={info.type}>
                    <button
                      type="button"
                      draggable
                      onDragStart={(event) => {
                        event.dataTransfer.setData(paletteDragType, info.type);
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                      onClick={() => addAtCentre(info.type)}
                      aria-label={`Add ${info.label}`}
                      title={info.description}
                      className="group flex w-full cursor-grab items-start gap-2.5 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100 active:cursor-grabbing dark:hover:bg-zinc-800"
                    >
                      <span className={classNames('mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md ring-1 ring-inset', categoryTileClasses[info.category])}>
                        <Icon aria-hidden="true" className="size-4" />
                      </span>
                      <span className="min-w-0">
                        <span className="block text-sm leading-5 font-medium text-zinc-900 dark:text-zinc-100">{info.label}</span>
                        <span className="block text-xs leading-4 text-zinc-500 dark:text-zinc-400">{info.description}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
