import type { Block, Connection } from '../workflow.schema.js';
import { reachableFrom } from './reachable-from.js';

/** A loop's body: the blocks downstream of its `body` output, run once per item. */
export const LOOP_BODY_OUTPUT = 'body';

export interface LoopOwnership {
  /** blockId → id of the innermost loop whose body contains it (absent for top-level blocks). */
  ownerOf: Map<string, string>;
  /** loopId → every block in its body, nested loop bodies included. */
  bodyOf: Map<string, Set<string>>;
}

/**
 * Splits the graph into levels: each block belongs to the innermost loop whose `body` reaches it. Nested bodies
 * are subsets of outer ones, so the innermost owner is the loop with the smallest body containing the block.
 * Expects an acyclic graph (validate first).
 */
export function assignLoopOwners(blocks: readonly Block[], connections: readonly Connection[], loopType = 'loop'): LoopOwnership {
  const bodyOf = new Map<string, Set<string>>();
  for (const block of blocks) {
    if (block.type === loopType) bodyOf.set(block.id, reachableFrom(block.id, LOOP_BODY_OUTPUT, connections));
  }
  const ownerOf = new Map<string, string>();
  for (const [loopId, body] of bodyOf) {
    for (const member of body) {
      const current = ownerOf.get(member);
      if (current === undefined || bodyOf.get(current)!.size > body.size) ownerOf.set(member, loopId);
    }
  }
  return { ownerOf, bodyOf };
}
