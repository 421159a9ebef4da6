import type { Block, Connection } from '@claraverse/engine';
import { MarkerType, type Edge } from '@xyflow/react';
import type { BlockFlowNode } from '../nodes/block-node';
import { blockTypeInfo } from './block-catalog';

/** React Flow nodes for the blocks, with the sizes React Flow measured (so nodes are not re-measured). */
export function toFlowNodes(blocks: readonly Block[], selected: ReadonlySet<string>, measuredSizes: ReadonlyMap<string, { width: number; height: number }>): BlockFlowNode[] {
  return blocks.map((block) => {
    const measured = measuredSizes.get(block.id);
    return {
      id: block.id,
      type: 'block',
      position: block.position,
      data: { blockId: block.id },
      selected: selected.has(block.id),
      ariaLabel: `${block.name} (${blockTypeInfo(block.type).label})`,
      ...(measured === undefined ? {} : { measured }),
    };
  });
}

const portEdgeColors: Record<string, string> = { true: '#10b981', false: '#ef4444', error: '#ef4444', body: '#f59e0b' };

/** React Flow edges for the connections, leaving from the source's output port handle, coloured by port. */
export function toFlowEdges(connections: readonly Connection[], selected: ReadonlySet<string>): Edge[] {
  return connections.map((connection) => {
    const port = connection.sourceOutput ?? 'output';
    const color = portEdgeColors[port];
    return {
      id: connection.id,
      source: connection.sourceBlockId,
      sourceHandle: port,
      target: connection.targetBlockId,
      selected: selected.has(connection.id),
      type: 'smoothstep',
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, ...(color === undefined ? {} : { color }) },
      ...(color === undefined ? {} : { style: { stroke: color } }),
    };
  });
}
