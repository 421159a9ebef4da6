import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, useStore, useUpdateNodeInternals, type OnConnect } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isDarkTheme, useUiPreferencesStore } from '../../../stores/ui-preferences-store';
import { blockTypeInfo } from '../lib/block-catalog';
import { categoryMinimapColors } from '../lib/category-style';
import { toFlowEdges, toFlowNodes } from '../lib/to-flow-elements';
import { BlockNode } from '../nodes/block-node';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { useCanvasChanges } from './use-canvas-changes';

/** The drag-and-drop payload type of a palette item (its block type). */
export const paletteDragType = 'application/x-claraverse-block-type';

const nodeTypes = { block: BlockNode };
// Framing leaves room for the zoom controls (bottom left) and the minimap (bottom right), so no block hides under them.
export const fitViewOptions = { padding: { top: '24px', bottom: '24px', left: '64px', right: '168px' }, maxZoom: 1 } as const;

/**
 * Re-frames the workflow after the layout around the canvas changed (`frameKey`). The canvas takes its new width
 * only after React Flow's resize observer has measured it, so the framing waits for that measure.
 */
function useFrameOnResize(frameKey: string | undefined) {
  const { fitView } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  // The layout last framed for, and the size the canvas had when the layout changed (framed once it differs).
  const framed = useRef({ key: frameKey, pendingFrom: undefined as string | undefined });
  useEffect(() => {
    const size = `${width}×${height}`;
    if (framed.current.key !== frameKey) framed.current = { key: frameKey, pendingFrom: size };
    else if (framed.current.pendingFrom !== undefined && framed.current.pendingFrom !== size) {
      framed.current.pendingFrom = undefined;
      void fitView({ ...fitViewOptions, duration: 200 });
    }
  }, [frameKey, width, height, fitView]);
}

/**
 * The React Flow canvas over the editor store: blocks and connections come from the store, and every change
 * (drag, select, connect, drop from the palette) goes back through store actions, so undo sees all of it.
 * Deleting and shortcuts are handled by the editor (AgentEditor), not by React Flow.
 *
 * `frameKey` names the layout around the canvas (which panels are folded): when it changes, the canvas frames
 * the workflow again once its new size is measured.
 */
export function EditorCanvas({ frameKey }: { frameKey?: string } = {}) {
  const store = useEditorStoreApi();
  const blocks = useEditorStore((state) => state.workflow.blocks);
  const connections = useEditorStore((state) => state.workflow.connections);
  const selectedBlockIds = useEditorStore(useShallow((state) => state.selectedBlockIds));
  const selectedConnectionIds = useEditorStore(useShallow((state) => state.selectedConnectionIds));
  const isDark = isDarkTheme(useUiPreferencesStore((state) => state.theme));
  const { screenToFlowPosition } = useReactFlow();
  const { measured, onNodesChange, onEdgesChange } = useCanvasChanges(store);
  const direction = useEditorStore((state) => state.layoutDirection);
  const updateNodeInternals = useUpdateNodeInternals();
  const { fitView } = useReactFlow();
  // Handles move to other sides when the direction changes: React Flow must re-measure them, then re-frame.
  useEffect(() => {
    updateNodeInternals(store.getState().workflow.blocks.map((block) => block.id));
    void fitView({ ...fitViewOptions, duration: 200 });
  }, [direction, fitView, store, updateNodeInternals]);
  useFrameOnResize(frameKey);

  const nodes = useMemo(() => toFlowNodes(blocks, new Set(selectedBlockIds), measured), [blocks, selectedBlockIds, measured]);
  const edges = useMemo(() => toFlowEdges(connections, new Set(selectedConnectionIds)), [connections, selectedConnectionIds]);

  const onConnect: OnConnect = useCallback(
    (connection) => {
      store.getState().connect({ sourceBlockId: connection.source, sourceOutput: connection.sourceHandle ?? 'output', targetBlockId: connection.target });
    },
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(paletteDragType);
      if (type === '') return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addBlock(type, { x: Math.round(position.x), y: Math.round(position.y) });
    },
    [screenToFlowPosition, store],
  );

  return (
    <div className="h-full w-full" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        colorMode={isDark ? 'dark' : 'light'}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        aria-label="Workflow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Workflow overview"
          nodeBorderRadius={6}
          style={{ width: 144, height: 104 }}
          nodeColor={(node) => {
            const block = store.getState().blocksById.get(node.id);
            return categoryMinimapColors[blockTypeInfo(block?.type ?? '').category];
          }}
        />
      </ReactFlow>
    </div>
  );
}
