import type { Connection } from '../workflow.schema.js';
import { DEFAULT_OUTPUT } from '../workflow.schema.js';

/**
 * Block ids reachable by following connections forward from `startId`'s given output port (the start block
 * itself is not included unless a path leads back to it). Used to find a loop's body.
 */
export function reachableFrom(startId: string, port: string, connections: readonly Connection[]): Set<string> {
  const outgoing = new Map<string, Connection[]>();
  for (const connection of connections) {
    const list = outgoing.get(connection.sourceBlockId);
    if (list === undefined) outgoing.set(connection.sourceBlockId, [connection]);
    else list.push(connection);
  }
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const connection of outgoing.get(startId) ?? []) {
    if ((connection.sourceOutput ?? DEFAULT_OUTPUT) === port && !reached.has(connection.targetBlockId)) {
      reached.add(connection.targetBlockId);
      queue.push(connection.targetBlockId);
    }
  }
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const connection of outgoing.get(id) ?? []) {
      if (!reached.has(connection.targetBlockId)) {
        reached.add(connection.targetBlockId);
        queue.push(connection.targetBlockId);
      }
    }
  }
  return reached;
}
