import type { Connection } from '../workflow.schema.js';

/**
 * Every cycle of the graph as the list of block ids in it (Tarjan's strongly connected components, iterative so
 * 10,000-block graphs do not overflow the stack). A self-connection is a cycle of one block.
 */
export function detectCycles(blockIds: readonly string[], connections: readonly Connection[]): string[][] {
  const successors = new Map<string, string[]>();
  for (const id of blockIds) successors.set(id, []);
  const selfLoops = new Set<string>();
  for (const connection of connections) {
    const next = successors.get(connection.sourceBlockId);
    if (next === undefined || !successors.has(connection.targetBlockId)) continue;
    next.push(connection.targetBlockId);
    if (connection.sourceBlockId === connection.targetBlockId) selfLoops.add(connection.sourceBlockId);
  }
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of blockIds) {
    if (indexOf.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = successors.get(frame.id)!;
      if (frame.next < next.length) {
        const child = next[frame.next]!;
        frame.next += 1;
        if (!indexOf.has(child)) {
          indexOf.set(child, counter);
          lowLink.set(child, counter);
          counter += 1;
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, next: 0 });
        } else if (onStack.has(child)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, indexOf.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!));
      if (lowLink.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1 || selfLoops.has(frame.id)) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}
