import { ArrowRight, Trash2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../../components/ui/button';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';

/** The selected connections (from which output of which block to which block), with a button to remove them. */
export function ConnectionDetails() {
  const store = useEditorStoreApi();
  const selected = useEditorStore(useShallow((state) => state.workflow.connections.filter((connection) => state.selectedConnectionIds.includes(connection.id))));
  const blocksById = useEditorStore((state) => state.blocksById);
  if (selected.length === 0) return null;
  return (
    <section aria-label="Selected connections" className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2">
        {selected.map((connection) => (
          <li key={connection.id} className="flex items-center gap-2 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{blocksById.get(connection.sourceBlockId)?.name}</span>
            <span className="rounded bg-zinc-100 px-1.5 py-px font-mono text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{connection.sourceOutput ?? 'output'}</span>
            <ArrowRight aria-label="to" className="size-4 text-zinc-400" />
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{blocksById.get(connection.targetBlockId)?.name}</span>
          </li>
        ))}
      </ul>
      <Button variant="secondary" size="small" icon={<Trash2 aria-hidden="true" className="size-4" />} onClick={() => store.getState().deleteConnections(selected.map((connection) => connection.id))}>
        {selected.length === 1 ? 'Remove connection' : `Remove ${selected.length} connections`}
      </Button>
    </section>
  );
}
