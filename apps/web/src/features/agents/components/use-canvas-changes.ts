import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { BlockFlowNode } from '../nodes/block-node';
import type { EditorStore } from '../stores/editor-store';

type Size = { width: number; height: number };

function applyNodeChanges(store: EditorStore, changes: NodeChange<BlockFlowNode>[]): [string, Size][] {
  const moves: { id: string; position: { x: number; y: number } }[] = [];
  const ended: string[] = [];
  let dragging = false;
  let selection: Set<string> | undefined;
  const sizes: [string, Size][] = [];
  for (const change of changes) {
    if (change.type === 'position' && change.position !== undefined) {
      moves.push({ id: change.id, position: { x: Math.round(change.position.x), y: Math.round(change.position.y) } });
      dragging ||= change.dragging === true;
    } else if (change.type === 'position') {
      ended.push(change.id);
    } else if (change.type === 'select') {
      selection ??= new Set(store.getState().selectedBlockIds);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    } else if (change.type === 'dimensions' && change.dimensions !== undefined) {
      sizes.push([change.id, change.dimensions]);
    }
  }
  if (moves.length > 0) store.getState().moveBlocks(moves, { dragging });
  else if (ended.length > 0) {
    // The drag-end change carries no position: close the coalesced undo step at the current positions.
    const { blocksById } = store.getState();
    store.getState().moveBlocks(
      ended.map((id) => ({ id, position: blocksById.get(id)?.position ?? { x: 0, y: 0 } })),
      { dragging: false },
    );
  }
  if (selection !== undefined) store.getState().select({ blockIds: [...selection] });
  return sizes;
}

/**
 * React Flow's node and edge change handlers, routed to store actions (moves coalesce per drag, selection goes to
 * the store). The sizes React Flow measures are kept here, out of the workflow, so they never become undo steps.
 */
export function useCanvasChanges(store: EditorStore) {
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());

  const onNodesChange = useCallback(
    (changes: NodeChange<BlockFlowNode>[]) => {
      const sizes = applyNodeChanges(store, changes);
      if (sizes.length > 0) setMeasured((previous) => new Map([...previous, ...sizes]));
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(store.getState().selectedConnectionIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection !== undefined) store.getState().select({ connectionIds: [...selection] });
    },
    [store],
  );

  return { measured, onNodesChange, onEdgesChange };
}
