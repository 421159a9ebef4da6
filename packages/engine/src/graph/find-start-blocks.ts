import type { Block, Connection } from '../workflow.schema.js';

/** Blocks with no incoming connection: where a run (or a level of it) begins. */
export function findStartBlocks(blocks: readonly Block[], connections: readonly Connection[]): Block[] {
  const hasIncoming = new Set<string>();
  for (const connection of connections) hasIncoming.add(connection.targetBlockId);
  return blocks.filter((block) => !hasIncoming.has(block.id));
}
