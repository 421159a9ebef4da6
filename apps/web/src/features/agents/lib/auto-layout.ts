import { Graph, layout } from '@dagrejs/dagre';
import type { Block, Connection } from '@claraverse/engine';

/** The size the canvas draws a block at, in pixels; the layout spaces blocks by it. */
export const blockNodeSize = { width: 248, height: 84 } as const;

/**
 * Positions every block left → right with dagre (ranks are columns; branches stack vertically). Returns the new
 * top-left position of each block by id, snapped to whole pixels so blocks line up.
 */
export function layoutBlocks(blocks: readonly Block[], connections: readonly Connection[]): Map<string, { x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const block of blocks) graph.setNode(block.id, { width: blockNodeSize.width, height: blockNodeSize.height });
  const ids = new Set(blocks.map((block) => block.id));
  for (const connection of connections) {
    if (ids.has(connection.sourceBlockId) && ids.has(connection.targetBlockId)) {
      graph.setEdge(connection.sourceBlockId, connection.targetBlockId, {}, connection.id);
    }
  }
  layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const block of blocks) {
    const node = graph.node(block.id) as { x: number; y: number };
    positions.set(block.id, { x: Math.round(node.x - blockNodeSize.width / 2), y: Math.round(node.y - blockNodeSize.height / 2) });
  }
  return positions;
}
