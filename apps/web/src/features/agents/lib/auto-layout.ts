import { Graph, layout } from '@dagrejs/dagre';
import type { Block, Connection } from '@claraverse/engine';
import { blockOutputPorts } from './block-ports';

/** The size the canvas draws a block at, in pixels; the layout spaces blocks by it. */
export const blockNodeSize = { width: 248, height: 84 } as const;

/** Which way the flow runs on the canvas: left → right (the default) or top → bottom (long chains on narrow screens). */
export type LayoutDirection = 'LR' | 'TB';

/**
 * The direction a loaded workflow is drawn in: top → bottom when its blocks are spread more vertically than
 * horizontally (as the generator places them), else left → right.
 */
export function inferLayoutDirection(blocks: readonly Block[]): LayoutDirection {
  if (blocks.length < 2) return 'LR';
  const xs = blocks.map((block) => block.position.x);
  const ys = blocks.map((block) => block.position.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  return height > width ? 'TB' : 'LR';
}

/**
 * Positions every block with dagre, left → right by default (ranks are columns; branches stack vertically) or top
 * → bottom. Returns the new top-left position of each block by id, snapped to whole pixels so blocks line up.
 */
export function layoutBlocks(blocks: readonly Block[], connections: readonly Connection[], direction: LayoutDirection = 'LR'): Map<string, { x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  // Top → bottom leaves room under each block for its output labels (true/false, each item/done).
  graph.setGraph(direction === 'LR' ? { rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 } : { rankdir: 'TB', nodesep: 64, ranksep: 52, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const block of blocks) graph.setNode(block.id, { width: blockNodeSize.width, height: blockNodeSize.height });
  const ids = new Set(blocks.map((block) => block.id));
  const byId = new Map(blocks.map((block) => [block.id, block]));
  for (const connection of connections) {
    if (ids.has(connection.sourceBlockId) && ids.has(connection.targetBlockId)) {
      graph.setEdge(connection.sourceBlockId, connection.targetBlockId, {}, connection.id);
    }
  }
  layout(graph, { constraints: portOrderConstraints(byId, connections) });
  const positions = new Map<string, { x: number; y: number }>();
  for (const block of blocks) {
    const node = graph.node(block.id) as { x: number; y: number };
    positions.set(block.id, { x: Math.round(node.x - blockNodeSize.width / 2), y: Math.round(node.y - blockNodeSize.height / 2) });
  }
  return positions;
}

/**
 * Keeps the targets of a block's outputs in port order across the flow (a condition's true branch before its false
 * one, a loop's body before done), so the edges leaving one block never cross each other.
 */
function portOrderConstraints(byId: ReadonlyMap<string, Block>, connections: readonly Connection[]): { left: string; right: string }[] {
  const constraints: { left: string; right: string }[] = [];
  for (const source of byId.values()) {
    const ports = blockOutputPorts(source);
    if (ports.length < 2) continue;
    const firstTargets = ports
      .map((port) => connections.find((c) => c.sourceBlockId === source.id && (c.sourceOutput ?? 'output') === port.id && byId.has(c.targetBlockId))?.targetBlockId)
      .filter((id): id is string => id !== undefined);
    for (let index = 1; index < firstTargets.length; index += 1) {
      if (firstTargets[index - 1] !== firstTargets[index]) constraints.push({ left: firstTargets[index - 1]!, right: firstTargets[index]! });
    }
  }
  return constraints;
}
